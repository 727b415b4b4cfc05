import { moveOne } from "~/applications/lifecycle.server";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { renderEmail } from "#emails/index";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { startRepeating, type RepeatingTask } from "~/utils/repeating.server";
import {
  canMove,
  RELEASABLE_STATUSES,
  RELEASED_DECISIONS,
  type ReleasedDecision as Decision,
} from "~/applications/lifecycle";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";
import { msg } from "~/i18n/message";

/**
 * Releasing decisions is reversible for a while: a release waits `decision_delay_minutes` (per
 * cycle) with its emails held in the outbox until `send_at`; staff can cancel it until then, which
 * takes the emails back and leaves the decisions marked. At `send_at` the statuses change (the
 * finaliser below) and the emails fall due. With a delay of 0 both happen at once.
 */

export interface ReleaseCycle {
  id: string;
  name: string;
}

interface PendingDecision {
  id: string;
  pendingDecision: Decision | null;
  decisionFeedback: string | null;
  /** The meta-review, when staff marked it to go to the applicant with the decision. */
  metaReview: string | null;
  name: string;
  email: string;
}

/** The email one applicant gets for their decision: the same for the preview and the message sent. */
function decisionEmail(
  config: AppConfig,
  cycle: ReleaseCycle,
  application: PendingDecision & { pendingDecision: Decision },
) {
  return {
    to: application.email,
    template: "decision" as const,
    props: {
      name: application.name,
      cycleName: cycle.name,
      outcome: application.pendingDecision,
      feedback: application.decisionFeedback,
      metaReview: application.metaReview,
      applicationsUrl: new URL("/me/applications", config.appUrl).toString(),
    },
    idempotencyKey: decisionEmailKey(application.id, application.pendingDecision),
  };
}

function decisionEmailKey(applicationId: string, decision: Decision): string {
  return `decision:${applicationId}:${decision}`;
}

/** Marked decisions of the cycle that no release has taken yet. */
function unreleasedDecisions(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .leftJoin("metaReviews", (join) =>
      join.onRef("metaReviews.applicationId", "=", "applications.id").on("metaReviews.releaseToApplicant", "=", true),
    )
    .select([
      "applications.id",
      "applications.pendingDecision",
      "applications.decisionFeedback",
      "metaReviews.body as metaReview",
      "users.name",
      "users.email",
    ])
    .where("applications.cycleId", "=", cycleId)
    .where("applications.status", "in", RELEASABLE_STATUSES)
    .where("applications.pendingDecision", "is not", null)
    .where("applications.decisionReleaseId", "is", null)
    .orderBy("users.name");
}

const hasDecision = (row: PendingDecision): row is PendingDecision & { pendingDecision: Decision } =>
  row.pendingDecision !== null;

export interface ReleasePreview {
  decision: Decision;
  subject: string;
  text: string;
  /** Everyone the email goes to. */
  total: number;
  /** The first {@link PREVIEW_RECIPIENTS} of them by name; the decisions list shows them all. */
  recipients: { name: string; email: string; withFeedback: boolean; withMetaReview: boolean }[];
  sampleName: string;
}

/** Recipients named per email in the preview: the page costs the same at 30 marks as at 5,000. */
export const PREVIEW_RECIPIENTS = 50;

/**
 * Before a release: who would receive which email, with each email as the fullest of its group
 * would read it (feedback and a meta-review shown if any has them). Counted and sampled in SQL, so
 * a cycle of thousands of marks reads a few rows per decision.
 */
export async function previewRelease(db: DB, config: AppConfig, cycle: ReleaseCycle): Promise<ReleasePreview[]> {
  const counts = await db
    .selectFrom(unreleasedDecisions(db, cycle.id).clearOrderBy().as("pending"))
    .select(["pending.pendingDecision", sql<number>`count(*)::int`.as("total")])
    .groupBy("pending.pendingDecision")
    .execute();
  const previews: ReleasePreview[] = [];
  for (const decision of RELEASED_DECISIONS) {
    const total = counts.find((row) => row.pendingDecision === decision)?.total ?? 0;
    if (total === 0) continue;
    const ofDecision = unreleasedDecisions(db, cycle.id).where("applications.pendingDecision", "=", decision);
    const [fullest, shown] = await Promise.all([
      ofDecision
        .clearOrderBy()
        .orderBy(sql`"meta_reviews"."body" is not null`, "desc")
        .orderBy(sql`"applications"."decision_feedback" is not null`, "desc")
        .orderBy("users.name")
        .orderBy("applications.id")
        .limit(1)
        .executeTakeFirstOrThrow(),
      ofDecision.orderBy("applications.id").limit(PREVIEW_RECIPIENTS).execute(),
    ]);
    const sample = decisionEmail(config, cycle, { ...fullest, pendingDecision: decision });
    const rendered = await renderEmail(sample.template, sample.props);
    previews.push({
      decision,
      subject: rendered.subject,
      text: rendered.text,
      sampleName: fullest.name,
      total,
      recipients: shown.map((row) => ({
        name: row.name,
        email: row.email,
        withFeedback: Boolean(row.decisionFeedback),
        withMetaReview: Boolean(row.metaReview),
      })),
    });
  }
  return previews;
}

/** The release of the cycle that is waiting to be sent, if any. */
export async function waitingRelease(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom("decisionReleases")
    .select(["id", "sendAt", "decisions", "releasedBy"])
    .where("cycleId", "=", cycleId)
    .where("cancelledAt", "is", null)
    .where("sentAt", "is", null)
    .executeTakeFirst();
}

export type ScheduleResult =
  | { ok: true; decisions: number; sendAt: Date; sentNow: boolean; alreadyScheduled: boolean }
  | { ok: false; status: 409; reason: "nothing-pending" | "waiting"; message: string };

/**
 * Releases the cycle's marked decisions: one transaction records the release, ties each
 * application to it and queues each applicant's email, held until the cycle's delay has passed.
 * A second click finds the waiting release and changes nothing.
 */
export async function scheduleRelease(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: ReleaseCycle,
): Promise<ScheduleResult> {
  return db.transaction().execute(async (trx) => {
    // One release at a time per cycle: the cycle row is the lock.
    const { decisionDelayMinutes } = await trx
      .selectFrom("cycles")
      .select("decisionDelayMinutes")
      .where("id", "=", cycle.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const pending = (await unreleasedDecisions(trx, cycle.id).forUpdate("applications").execute()).filter(hasDecision);
    const waiting = await waitingRelease(trx, cycle.id);
    if (waiting) {
      if (pending.length === 0)
        return {
          ok: true,
          decisions: waiting.decisions,
          sendAt: waiting.sendAt,
          sentNow: false,
          alreadyScheduled: true,
        };
      return {
        ok: false,
        status: 409,
        reason: "waiting",
        message: msg("selection.refusals.releaseWaiting"),
      };
    }
    if (pending.length === 0)
      return {
        ok: false,
        status: 409,
        reason: "nothing-pending",
        message: msg("selection.refusals.nothingPending"),
      };

    const release = await trx
      .insertInto("decisionReleases")
      .values({
        cycleId: cycle.id,
        releasedBy: actorId,
        sendAt: sql<Date>`now() + make_interval(mins => ${decisionDelayMinutes})`,
        decisions: pending.length,
      })
      .returning(["id", "sendAt"])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("applications")
      .set({ decisionReleaseId: release.id, updatedAt: sql`now()` })
      .where(
        "id",
        "in",
        pending.map((row) => row.id),
      )
      .execute();
    for (const application of pending)
      await enqueueEmail(trx, { ...decisionEmail(config, cycle, application), notBefore: release.sendAt });
    await audit(trx, {
      actorId,
      action: "decision.release.schedule",
      subjectType: "cycle",
      subjectId: cycle.id,
      data: { releaseId: release.id, decisions: pending.length, delayMinutes: decisionDelayMinutes },
    });
    if (decisionDelayMinutes === 0) await sendRelease(trx, release.id, actorId);
    return {
      ok: true,
      decisions: pending.length,
      sendAt: release.sendAt,
      sentNow: decisionDelayMinutes === 0,
      alreadyScheduled: false,
    };
  });
}

export type CancelResult =
  { ok: true; decisions: number } | { ok: false; status: 409; reason: "none-waiting" | "sending"; message: string };

/**
 * Takes a waiting release back: its emails leave the outbox and the decisions stay marked, all in
 * one transaction. The outbox rows are locked first, so the delivery worker (which skips locked
 * rows) cannot take one meanwhile; once any has been taken, it is too late and nothing changes.
 */
export async function cancelRelease(db: DB, actorId: string, cycleId: string): Promise<CancelResult> {
  return db.transaction().execute(async (trx) => {
    const release = await trx
      .selectFrom("decisionReleases")
      .select(["id", "decisions"])
      .where("cycleId", "=", cycleId)
      .where("cancelledAt", "is", null)
      .where("sentAt", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!release)
      return {
        ok: false,
        status: 409,
        reason: "none-waiting",
        message: msg("selection.refusals.noneWaiting"),
      };
    const applications = await trx
      .selectFrom("applications")
      .select(["id", "pendingDecision"])
      .where("decisionReleaseId", "=", release.id)
      .forUpdate()
      .execute();
    const keys = applications.flatMap((row) =>
      row.pendingDecision ? [decisionEmailKey(row.id, row.pendingDecision)] : [],
    );
    const emails = keys.length
      ? await trx
          .selectFrom("emailOutbox")
          .select(["id", "status"])
          .where("idempotencyKey", "in", keys)
          .forUpdate()
          .execute()
      : [];
    if (emails.some((email) => email.status !== "pending"))
      return {
        ok: false,
        status: 409,
        reason: "sending",
        message: msg("selection.refusals.tooLate"),
      };
    if (emails.length)
      await trx
        .deleteFrom("emailOutbox")
        .where(
          "id",
          "in",
          emails.map((email) => email.id),
        )
        .execute();
    await trx
      .updateTable("applications")
      .set({ decisionReleaseId: null, updatedAt: sql`now()` })
      .where("decisionReleaseId", "=", release.id)
      .execute();
    await trx
      .updateTable("decisionReleases")
      .set({ cancelledAt: sql`now()`, cancelledBy: actorId })
      .where("id", "=", release.id)
      .execute();
    await audit(trx, {
      actorId,
      action: "decision.release.cancel",
      subjectType: "cycle",
      subjectId: cycleId,
      data: { releaseId: release.id, emailsWithdrawn: emails.length },
    });
    return { ok: true, decisions: release.decisions };
  });
}

/**
 * Sends a release whose time has come: each application of it moves to its decision (history and
 * audit recorded as the releasing staff member), and the release is marked sent. Its emails are
 * already due. An application that left review meanwhile (its applicant deleted the account) keeps
 * its status, and its email, if still waiting, is taken back.
 */
async function sendRelease(trx: Kysely<Database>, releaseId: string, actorId: string | null): Promise<void> {
  const applications = await trx
    .selectFrom("applications")
    .select(["id", "status", "pendingDecision"])
    .where("decisionReleaseId", "=", releaseId)
    .forUpdate()
    .execute();
  for (const application of applications) {
    const outcome = application.pendingDecision;
    if (!outcome || !canMove(application.status, outcome)) {
      if (outcome)
        await trx
          .deleteFrom("emailOutbox")
          .where("idempotencyKey", "=", decisionEmailKey(application.id, outcome))
          .where("status", "=", "pending")
          .execute();
      continue;
    }
    await moveOne(trx, {
      applicationIds: [application.id],
      to: outcome,
      from: RELEASABLE_STATUSES,
      actorId,
      audit: { action: "decision.release", data: { decision: outcome, releaseId } },
    });
    // A waitlisted application waits for a decision again: a later release may take it.
    if (outcome === "waitlisted")
      await trx.updateTable("applications").set({ decisionReleaseId: null }).where("id", "=", application.id).execute();
  }
  await trx
    .updateTable("decisionReleases")
    .set({ sentAt: sql`now()` })
    .where("id", "=", releaseId)
    .execute();
  await enqueueWebhook(trx, "decisions.released", { releaseId });
}

/** Sends every release whose time has come (of one cycle, or all); returns how many were sent. */
export async function finaliseDueReleases(db: DB, options: { cycleId?: string } = {}): Promise<number> {
  let query = db
    .selectFrom("decisionReleases")
    .select("id")
    .where("cancelledAt", "is", null)
    .where("sentAt", "is", null)
    .where("sendAt", "<=", sql<Date>`now()`);
  if (options.cycleId) query = query.where("cycleId", "=", options.cycleId);
  const due = await query.execute();
  let sent = 0;
  for (const { id } of due) {
    const done = await db.transaction().execute(async (trx) => {
      // Another process (or a cancel) may hold it: it is theirs to settle.
      const release = await trx
        .selectFrom("decisionReleases")
        .select(["id", "releasedBy"])
        .where("id", "=", id)
        .where("cancelledAt", "is", null)
        .where("sentAt", "is", null)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!release) return false;
      await sendRelease(trx, release.id, release.releasedBy);
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

/** Runs the finaliser every `pollMs` (as often as the outbox is polled), until stopped. */
export function startReleaseFinaliser(
  db: DB,
  { pollMs, onError }: { pollMs: number; onError: (error: unknown) => void },
): RepeatingTask {
  return startRepeating(() => finaliseDueReleases(db), { everyMs: pollMs, onError });
}
