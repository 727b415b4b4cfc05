import { sql } from "kysely";
import type { DB } from "#db/client";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { moveApplications } from "./lifecycle.server";
import { LOI_STATUSES } from "./lifecycle";

/**
 * Letters of intent, for staff: the list to decide on, and the invitation to the full application.
 * Inviting opens the full form at once (good news is not held back); "not invited" is a decision
 * marked and released like any other (`~/review/decision-release.server`), so it can be previewed
 * and cancelled until its email leaves.
 */

export interface LoiCycle {
  id: string;
  name: string;
  slug: string;
  closesAt: Date;
  timezone: string;
}

/** The cycle's letters of intent with their state, and those invited from them. */
export async function listLetters(db: DB, cycleId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.answers",
      "applications.submittedAt",
      "applications.invitedAt",
      "applications.pendingDecision",
      "applications.decisionReleaseId",
      "users.name",
      "users.email",
    ])
    .where("applications.cycleId", "=", cycleId)
    .where((eb) =>
      eb.or([
        eb("applications.status", "in", LOI_STATUSES),
        eb("applications.invitedAt", "is not", null),
        eb.and([eb("applications.status", "=", "withdrawn"), eb("applications.invitedAt", "is", null)]),
      ]),
    )
    .orderBy("users.name")
    .orderBy("applications.id")
    .execute();
}

export interface InviteResult {
  invited: number;
  /** Invited before: nothing changed and nothing was sent again. */
  already: number;
  /** Not a submitted letter of intent, or its "not invited" is in a release waiting to be sent. */
  refused: number;
}

/**
 * Invites submitted letters of intent to the full application in one transaction: each moves to
 * the full application's draft (its answers stay, so the form opens pre-filled), any "not invited"
 * mark is cleared, and the applicant is emailed. Inviting again changes nothing and sends nothing.
 */
export async function inviteLetters(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: LoiCycle,
  applicationIds: readonly string[],
): Promise<InviteResult> {
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(applicationIds)];
    if (ids.length === 0) return { invited: 0, already: 0, refused: 0 };
    const rows = await trx
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select([
        "applications.id",
        "applications.status",
        "applications.invitedAt",
        "applications.decisionReleaseId",
        "users.name",
        "users.email",
      ])
      .where("applications.cycleId", "=", cycle.id)
      .where("applications.id", "in", ids)
      .orderBy("applications.id")
      .forUpdate("applications")
      .execute();
    const already = rows.filter((row) => row.invitedAt !== null).length;
    // A "not invited" already on its way out is settled: cancel that release first to invite instead.
    const invitable = rows.filter((row) => row.status === "loi_submitted" && row.decisionReleaseId === null);
    const { moved } = await moveApplications(trx, {
      applicationIds: invitable.map((row) => row.id),
      to: "draft",
      from: ["loi_submitted"],
      actorId,
      audit: { action: "loi.invite" },
    });
    const movedIds = new Set(moved.map((row) => row.id));
    if (movedIds.size > 0)
      await trx
        .updateTable("applications")
        .set({ pendingDecision: null, pendingDecisionBy: null, updatedAt: sql`now()` })
        .where("id", "in", [...movedIds])
        .execute();
    for (const row of invitable.filter((candidate) => movedIds.has(candidate.id)))
      await enqueueEmail(trx, {
        to: row.email,
        template: "loi-invitation",
        props: {
          name: row.name,
          cycleName: cycle.name,
          deadline: emailMoment(cycle.closesAt, cycle.timezone),
          applyUrl: new URL(`/apply/${cycle.slug}`, config.appUrl).toString(),
        },
        idempotencyKey: `loi-invite:${row.id}`,
      });
    return { invited: movedIds.size, already, refused: ids.length - movedIds.size - already };
  });
}
