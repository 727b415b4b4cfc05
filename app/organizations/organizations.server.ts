import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { InvitationKind, inviteByEmail } from "~/invitations/invitations.server";
import type { AppConfig } from "~/utils/config.server";
import type { OrganizationInput } from "./organizations.schema";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

const COLUMNS = [
  "id",
  "slug",
  "name",
  "website",
  "description",
  "focusAreas",
  "country",
  "remoteFriendly",
  "version",
] as const;

export async function listOrganizations(db: DB) {
  return db
    .selectFrom("organizations")
    .leftJoin("orgMembers", "orgMembers.organizationId", "organizations.id")
    .select([
      "organizations.id",
      "organizations.slug",
      "organizations.name",
      "organizations.country",
      sql<number>`count(org_members.user_id)`.as("members"),
    ])
    .groupBy("organizations.id")
    .orderBy("organizations.name")
    .execute();
}

export async function getOrganization(db: DB, slug: string) {
  return db.selectFrom("organizations").select(COLUMNS).where("slug", "=", slug).executeTakeFirst();
}

export async function listMembers(db: DB, organizationId: string) {
  return db
    .selectFrom("orgMembers")
    .innerJoin("users", "users.id", "orgMembers.userId")
    .select(["users.id", "users.name", "users.email", "orgMembers.role"])
    .where("orgMembers.organizationId", "=", organizationId)
    .orderBy("users.name")
    .execute();
}

function values(input: OrganizationInput) {
  return {
    slug: input.slug,
    name: input.name,
    website: input.website ?? null,
    description: input.description,
    focusAreas: JSON.stringify(input.focusAreas),
    country: input.country || null,
    remoteFriendly: input.remoteFriendly,
  };
}

export type OrganizationWrite = Result<{ slug: string }, 404 | 409, { field?: "slug" }>;

export async function createOrganization(
  db: DB,
  actorId: string,
  input: OrganizationInput,
): Promise<OrganizationWrite> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("organizations")
      .values(values(input))
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail(409, msg("refusals.organizations.slugTaken"), { field: "slug" });
    await audit(trx, {
      actorId,
      action: "organization.create",
      subjectType: "organization",
      subjectId: row.id,
      data: { slug: input.slug },
    });
    return { ok: true, slug: input.slug };
  });
}

export async function updateOrganization(
  db: DB,
  actorId: string,
  id: string,
  version: number,
  input: OrganizationInput,
): Promise<OrganizationWrite> {
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("organizations")
        .select("version")
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) return fail(404, msg("refusals.organizations.notFound"));
      if (current.version !== version) return fail(409, msg("refusals.organizations.stale"));
      const taken = await trx
        .selectFrom("organizations")
        .select("id")
        .where("slug", "=", input.slug)
        .where("id", "!=", id)
        .executeTakeFirst();
      if (taken) return fail(409, msg("refusals.organizations.slugTaken"), { field: "slug" });
      await trx
        .updateTable("organizations")
        .set({ ...values(input), updatedAt: sql`now()`, version: sql`version + 1` })
        .where("id", "=", id)
        .execute();
      await audit(trx, { actorId, action: "organization.update", subjectType: "organization", subjectId: id });
      return { ok: true, slug: input.slug };
    });
  } catch (error) {
    // The slug check above can race with another save of the same slug; the unique key decides.
    if (isUniqueViolation(error)) return fail(409, msg("refusals.organizations.slugTaken"), { field: "slug" });
    throw error;
  }
}

/** Invites someone by email to join an organization as a host partner (single-use link). */
export async function invitePartner(
  db: DB,
  config: AppConfig,
  actor: { id: string; name: string },
  organization: { id: string; name: string },
  input: { email: string; role: "owner" | "member" },
): Promise<void> {
  await inviteByEmail(db, config, actor.id, {
    email: input.email,
    kind: InvitationKind.partner,
    subjectId: organization.id,
    payload: { role: input.role },
    template: "partner-invitation",
    props: (link) => ({ inviterName: actor.name, organizationName: organization.name, ...link }),
  });
}

export async function removeMember(db: DB, actorId: string, organizationId: string, userId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("orgMembers")
      .where("organizationId", "=", organizationId)
      .where("userId", "=", userId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) return false;
    await audit(trx, {
      actorId,
      action: "role.revoke",
      subjectType: "user",
      subjectId: userId,
      data: { role: "partner", organizationId },
    });
    return true;
  });
}

/** The organizations a user belongs to. */
export async function organizationsOf(db: DB, userId: string) {
  return db
    .selectFrom("orgMembers")
    .innerJoin("organizations", "organizations.id", "orgMembers.organizationId")
    .select(["organizations.id", "organizations.slug", "organizations.name", "orgMembers.role"])
    .where("orgMembers.userId", "=", userId)
    .orderBy("organizations.name")
    .execute();
}
