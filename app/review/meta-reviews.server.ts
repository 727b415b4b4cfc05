import { sql, type Kysely } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { authorLabel, authorNaming, type DiscussionViewer } from "./discussion.server";

/**
 * The meta-review: the panel's summary of one application, written by its lead reviewer (whom staff
 * designate) or by staff. Staff may mark it to go to the applicant with the decision; the decision
 * release reads that mark when it queues the email (decision-release.server.ts). Once a release holds
 * the application, the meta-review is frozen: the email already queued is what the applicant reads.
 */

export type MetaReviewWrite =
  { ok: true; version: number } | { ok: false; status: 403 | 404 | 409; reason: MetaReviewRefusal; message: string };

type MetaReviewRefusal = "not-found" | "not-lead" | "stale" | "frozen" | "empty";

export interface MetaReviewView {
  body: string;
  author: string;
  version: number;
  releaseToApplicant: boolean;
  updatedAt: string;
}

export async function loadMetaReview(
  db: Kysely<Database>,
  applicationId: string,
  viewer: DiscussionViewer,
): Promise<MetaReviewView | null> {
  const row = await db
    .selectFrom("metaReviews")
    .select(["body", "authorId", "version", "releaseToApplicant", "updatedAt"])
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const naming = await authorNaming(db, applicationId, row.authorId ? [row.authorId] : []);
  return {
    body: row.body,
    author: row.authorId ? authorLabel(naming, row.authorId, viewer) : msg("discussion.author.formerMember"),
    version: row.version,
    releaseToApplicant: row.releaseToApplicant,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The lead reviewer of the application, if staff designated one. */
export async function leadReviewerOf(db: Kysely<Database>, applicationId: string): Promise<string | null> {
  const row = await db
    .selectFrom("applicationLeads")
    .select("reviewerId")
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
  return row?.reviewerId ?? null;
}

/** Whether the viewer may write the meta-review: staff, or the lead reviewer once their own review is in. */
export async function mayWriteMetaReview(
  db: Kysely<Database>,
  applicationId: string,
  viewer: DiscussionViewer & { submitted: boolean },
): Promise<boolean> {
  if (viewer.staff) return true;
  return viewer.submitted && (await leadReviewerOf(db, applicationId)) === viewer.userId;
}

/** The application locked, or a refusal when it is gone or its decision is already on its way. */
async function lockOpenApplication(trx: Kysely<Database>, applicationId: string) {
  const application = await trx
    .selectFrom("applications")
    .select(["id", "cycleId", "status", "decisionReleaseId"])
    .where("id", "=", applicationId)
    .forUpdate()
    .executeTakeFirst();
  if (!application) return { refusal: notFound() } as const;
  if (application.status !== "in_review" || application.decisionReleaseId !== null)
    return {
      refusal: {
        ok: false,
        status: 409,
        reason: "frozen",
        message: msg("discussion.errors.metaReviewFinal"),
      } as const,
    };
  return { application } as const;
}

const notFound = () =>
  ({ ok: false, status: 404, reason: "not-found", message: msg("discussion.errors.applicationNotFound") }) as const;

/** Writes the meta-review from the version the form was loaded with (0: none yet). */
export async function saveMetaReview(
  db: DB,
  input: { applicationId: string; author: DiscussionViewer & { submitted: boolean }; body: string; version: number },
): Promise<MetaReviewWrite> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockOpenApplication(trx, input.applicationId);
    if (locked.refusal) return locked.refusal;
    if (!(await mayWriteMetaReview(trx, input.applicationId, input.author)))
      return {
        ok: false,
        status: 403,
        reason: "not-lead",
        message: msg("discussion.errors.notLead"),
      };
    const existing = await trx
      .selectFrom("metaReviews")
      .select("version")
      .where("applicationId", "=", input.applicationId)
      .executeTakeFirst();
    if ((existing?.version ?? 0) !== input.version)
      return {
        ok: false,
        status: 409,
        reason: "stale",
        message: msg("discussion.errors.metaReviewStale"),
      };
    const row = existing
      ? await trx
          .updateTable("metaReviews")
          .set({
            body: input.body,
            authorId: input.author.userId,
            version: sql`version + 1`,
            updatedAt: sql`now()`,
          })
          .where("applicationId", "=", input.applicationId)
          .returning("version")
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("metaReviews")
          .values({
            applicationId: input.applicationId,
            cycleId: locked.application.cycleId,
            authorId: input.author.userId,
            body: input.body,
          })
          .returning("version")
          .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.author.userId,
      action: existing ? "meta_review.update" : "meta_review.create",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { version: row.version },
    });
    return { ok: true, version: row.version };
  });
}

/** Staff mark the meta-review to go to the applicant with the decision (or take the mark back). */
export async function markMetaReviewRelease(
  db: DB,
  input: { applicationId: string; staffId: string; release: boolean; version: number },
): Promise<MetaReviewWrite> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockOpenApplication(trx, input.applicationId);
    if (locked.refusal) return locked.refusal;
    const existing = await trx
      .selectFrom("metaReviews")
      .select(["version", "releaseToApplicant"])
      .where("applicationId", "=", input.applicationId)
      .executeTakeFirst();
    if (!existing) return { ok: false, status: 409, reason: "empty", message: msg("discussion.errors.releaseEmpty") };
    if (existing.version !== input.version)
      return {
        ok: false,
        status: 409,
        reason: "stale",
        message: msg("discussion.errors.releaseStale"),
      };
    if (existing.releaseToApplicant === input.release) return { ok: true, version: existing.version };
    const row = await trx
      .updateTable("metaReviews")
      .set({
        releaseToApplicant: input.release,
        releaseMarkedBy: input.staffId,
        version: sql`version + 1`,
        updatedAt: sql`now()`,
      })
      .where("applicationId", "=", input.applicationId)
      .returning("version")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.staffId,
      action: input.release ? "meta_review.mark_release" : "meta_review.unmark_release",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { version: row.version },
    });
    return { ok: true, version: row.version };
  });
}

export type LeadResult =
  { ok: true } | { ok: false; status: 404 | 409; reason: "not-found" | "not-reviewer"; message: string };

/** Staff designate the lead reviewer: one of the application's (not recused) reviewers, or none. */
export async function designateLead(
  db: DB,
  input: { applicationId: string; staffId: string; reviewerId: string | null },
): Promise<LeadResult> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .select("id")
      .where("id", "=", input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) return notFound();
    if (input.reviewerId === null) {
      await trx.deleteFrom("applicationLeads").where("applicationId", "=", input.applicationId).execute();
    } else {
      const assigned = await trx
        .selectFrom("reviewAssignments")
        .select("id")
        .where("applicationId", "=", input.applicationId)
        .where("reviewerId", "=", input.reviewerId)
        .where("status", "!=", "recused")
        .executeTakeFirst();
      if (!assigned)
        return {
          ok: false,
          status: 409,
          reason: "not-reviewer",
          message: msg("discussion.errors.leadNotReviewer"),
        };
      await trx
        .insertInto("applicationLeads")
        .values({ applicationId: input.applicationId, reviewerId: input.reviewerId, designatedBy: input.staffId })
        .onConflict((oc) =>
          oc
            .column("applicationId")
            .doUpdateSet({ reviewerId: input.reviewerId!, designatedBy: input.staffId, updatedAt: sql`now()` }),
        )
        .execute();
    }
    await audit(trx, {
      actorId: input.staffId,
      action: "meta_review.lead",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { reviewerId: input.reviewerId },
    });
    return { ok: true };
  });
}
