import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import type { EmailProps } from "#emails/index";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment, type EmailMoment } from "#emails/moment";
import { hashToken, randomToken } from "~/auth/tokens.server";

export const InvitationKind = { staff: "staff", reviewer: "reviewer", partner: "partner" } as const;
export type InvitationKind = (typeof InvitationKind)[keyof typeof InvitationKind];

export const INVITATION_TTL_DAYS = 7;

/** Creates a single-use invitation; only the token's hash is stored, the token goes in the email. */
export async function createInvitation(
  trx: Kysely<Database>,
  input: {
    email: string;
    kind: InvitationKind;
    subjectId?: string | null;
    invitedBy: string;
    payload?: Record<string, unknown>;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomToken();
  const row = await trx
    .insertInto("invitations")
    .values({
      email: input.email,
      kind: input.kind,
      subjectId: input.subjectId ?? null,
      tokenHash: hashToken(token),
      invitedBy: input.invitedBy,
      payload: input.payload ? JSON.stringify(input.payload) : null,
      expiresAt: sql`now() + ${`${INVITATION_TTL_DAYS} days`}::interval`,
    })
    .returning(["id", "expiresAt"])
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt: row.expiresAt };
}

export interface InvitationView {
  id: string;
  email: string;
  kind: InvitationKind;
  inviterName: string | null;
  /** What the invitation is for: the cycle to review, the organization to join. */
  subjectName: string | null;
  state: "open" | "expired" | "accepted";
}

export async function findInvitation(db: DB, token: string): Promise<InvitationView | null> {
  const row = await db
    .selectFrom("invitations")
    .leftJoin("users as inviter", "inviter.id", "invitations.invitedBy")
    .leftJoin("cycles", "cycles.id", "invitations.subjectId")
    .leftJoin("organizations", "organizations.id", "invitations.subjectId")
    .select([
      "cycles.name as cycleName",
      "organizations.name as organizationName",
      "invitations.id",
      "invitations.email",
      "invitations.kind",
      "invitations.acceptedAt",
      "inviter.name as inviterName",
      sql<boolean>`invitations.expires_at <= now()`.as("expired"),
    ])
    .where("invitations.tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  const state = row.acceptedAt ? "accepted" : row.expired ? "expired" : "open";
  return {
    id: row.id,
    email: row.email,
    kind: row.kind as InvitationKind,
    inviterName: row.inviterName,
    subjectName: row.cycleName ?? row.organizationName ?? null,
    state,
  };
}

export type AcceptResult =
  { ok: true; kind: InvitationKind } | { ok: false; reason: "not-found" | "expired" | "accepted" | "wrong-account" };

type Grant = (
  trx: Kysely<Database>,
  invitation: { subjectId: string | null; invitedBy: string | null; payload: Record<string, unknown> | null },
  userId: string,
) => Promise<void>;

const GRANTS: Record<InvitationKind, Grant> = {
  staff: async (trx, invitation, userId) => {
    await trx
      .insertInto("userRoles")
      .values({ userId, role: "staff", grantedBy: invitation.invitedBy })
      .onConflict((oc) => oc.columns(["userId", "role"]).doNothing())
      .execute();
  },
  reviewer: async (trx, invitation, userId) => {
    const capacity = Number(invitation.payload?.capacity ?? 10);
    const expertise = Array.isArray(invitation.payload?.expertise) ? invitation.payload.expertise : [];
    await trx
      .insertInto("cycleReviewers")
      .values({ cycleId: invitation.subjectId!, userId, capacity, expertise: JSON.stringify(expertise), active: true })
      .onConflict((oc) =>
        oc
          .columns(["cycleId", "userId"])
          .doUpdateSet({ active: true, capacity, expertise: JSON.stringify(expertise), updatedAt: sql`now()` }),
      )
      .execute();
  },
  partner: async (trx, invitation, userId) => {
    const role = invitation.payload?.role === "owner" ? "owner" : "member";
    await trx
      .insertInto("orgMembers")
      .values({ organizationId: invitation.subjectId!, userId, role })
      .onConflict((oc) => oc.columns(["organizationId", "userId"]).doNothing())
      .execute();
  },
};

/**
 * Accepts an invitation for the signed-in user, whose email must be the one invited (the link
 * alone is not enough: emails get forwarded). Single use: the row is locked and marked.
 */
export async function acceptInvitation(
  db: DB,
  token: string,
  user: { id: string; email: string },
): Promise<AcceptResult> {
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .select([
        "id",
        "email",
        "kind",
        "subjectId",
        "invitedBy",
        "acceptedAt",
        "payload",
        sql<boolean>`expires_at <= now()`.as("expired"),
      ])
      .where("tokenHash", "=", hashToken(token))
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) return { ok: false, reason: "not-found" };
    if (invitation.acceptedAt) return { ok: false, reason: "accepted" };
    if (invitation.expired) return { ok: false, reason: "expired" };
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) return { ok: false, reason: "wrong-account" };
    const kind = invitation.kind as InvitationKind;
    await GRANTS[kind](trx, invitation, user.id);
    await trx
      .updateTable("invitations")
      .set({ acceptedAt: sql`now()`, acceptedBy: user.id })
      .where("id", "=", invitation.id)
      .execute();
    await audit(trx, {
      actorId: user.id,
      action: "invitation.accept",
      subjectType: "invitation",
      subjectId: invitation.id,
      data: { kind, subjectId: invitation.subjectId },
    });
    return { ok: true, kind };
  });
}

type InvitationTemplate = "staff-invitation" | "reviewer-invitation" | "partner-invitation";

/**
 * Invites someone by email: a single-use link in a templated message, audited, all in one
 * transaction. A second invitation for the same address and purpose within a minute (a double
 * click, a resubmitted form) sends nothing.
 */
export async function inviteByEmail<N extends InvitationTemplate>(
  db: DB,
  config: AppConfig,
  actorId: string,
  input: {
    email: string;
    kind: InvitationKind;
    subjectId?: string | null;
    payload?: Record<string, unknown>;
    template: N;
    props: (link: { acceptUrl: string; expiresAt: EmailMoment }) => EmailProps<N>;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two identical invitations at once must not both see "none sent yet".
    await sql`select pg_advisory_xact_lock(hashtext(${`invite:${input.kind}:${input.subjectId ?? ""}:${input.email.toLowerCase()}`}))`.execute(
      trx,
    );
    let recent = trx
      .selectFrom("invitations")
      .select("id")
      .where("email", "=", input.email)
      .where("kind", "=", input.kind)
      .where("acceptedAt", "is", null)
      .where("createdAt", ">", sql<Date>`now() - interval '1 minute'`);
    recent = input.subjectId ? recent.where("subjectId", "=", input.subjectId) : recent.where("subjectId", "is", null);
    if (await recent.executeTakeFirst()) return;
    const invitation = await createInvitation(trx, {
      email: input.email,
      kind: input.kind,
      subjectId: input.subjectId,
      invitedBy: actorId,
      payload: input.payload,
    });
    await enqueueEmail(trx, {
      to: input.email,
      template: input.template,
      props: input.props({
        acceptUrl: new URL(`/invitations/${invitation.token}`, config.appUrl).toString(),
        expiresAt: emailMoment(invitation.expiresAt),
      }),
      idempotencyKey: `invitation:${invitation.id}`,
    });
    await audit(trx, {
      actorId,
      action: "invitation.create",
      subjectType: "invitation",
      subjectId: invitation.id,
      data: { kind: input.kind, subjectId: input.subjectId ?? null, email: input.email, ...input.payload },
    });
  });
}
