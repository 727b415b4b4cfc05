import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { InvitationKind, inviteByEmail } from "~/invitations/invitations.server";
import type { AppConfig } from "~/utils/config.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

export const USERS_PAGE_SIZE = 25;

/** Users matching a name or email fragment, with their staff flag, one page at a time. */
export async function searchUsers(db: DB, { q, page }: { q: string; page: number }) {
  let query = db
    .selectFrom("users")
    .leftJoin("userRoles", (join) => join.onRef("userRoles.userId", "=", "users.id").on("userRoles.role", "=", "staff"))
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.createdAt",
      sql<boolean>`user_roles.user_id is not null`.as("isStaff"),
    ])
    .where("users.deletedAt", "is", null);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("users.name", "ilike", pattern), eb("users.email", "ilike", pattern)]));
  }
  const rows = await query
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(USERS_PAGE_SIZE + 1)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .execute();
  return { users: rows.slice(0, USERS_PAGE_SIZE), hasMore: rows.length > USERS_PAGE_SIZE };
}

export type RoleChange = Result<{ changed: boolean }>;

export async function grantStaff(db: DB, actorId: string, userId: string): Promise<RoleChange> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    if (!user) return fail(404, msg("refusals.users.notFound"));
    const inserted = await trx
      .insertInto("userRoles")
      .values({ userId, role: "staff", grantedBy: actorId })
      .onConflict((oc) => oc.columns(["userId", "role"]).doNothing())
      .returning("userId")
      .executeTakeFirst();
    if (inserted)
      await audit(trx, {
        actorId,
        action: "role.grant",
        subjectType: "user",
        subjectId: userId,
        data: { role: "staff" },
      });
    return { ok: true, changed: inserted !== undefined };
  });
}

export async function revokeStaff(db: DB, actorId: string, userId: string): Promise<RoleChange> {
  if (actorId === userId) return fail(409, msg("refusals.users.ownStaffAccess"));
  return db.transaction().execute(async (trx) => {
    // Lock every staff row so two revocations at once cannot leave the program without staff.
    const staff = await trx.selectFrom("userRoles").select("userId").where("role", "=", "staff").forUpdate().execute();
    if (!staff.some((row) => row.userId === userId)) return { ok: true, changed: false };
    if (staff.length <= 1) return fail(409, msg("refusals.users.lastStaff"));
    await trx.deleteFrom("userRoles").where("userId", "=", userId).where("role", "=", "staff").execute();
    await audit(trx, {
      actorId,
      action: "role.revoke",
      subjectType: "user",
      subjectId: userId,
      data: { role: "staff" },
    });
    return { ok: true, changed: true };
  });
}

/** Invites someone by email to join the staff; they accept with a single-use link. */
export async function inviteStaff(
  db: DB,
  config: AppConfig,
  actor: { id: string; name: string },
  email: string,
): Promise<void> {
  await inviteByEmail(db, config, actor.id, {
    email,
    kind: InvitationKind.staff,
    template: "staff-invitation",
    props: (link) => ({ inviterName: actor.name, ...link }),
  });
}
