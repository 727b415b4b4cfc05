import { sql } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { listApplicationFiles } from "~/applications/applications.server";
import { listQuestions } from "~/cycles/questions.server";
import { reviewerAnswers } from "./reviewer-view";
import { listCriteria } from "./rubric.server";
import type { ReviewValues } from "./review.schema";

/** A short, stable, non-identifying label for an application in a blind cycle (in English, for emails). */
export function blindLabel(applicationId: string): string {
  return `Application ${blindCode(applicationId)}`;
}

/** The same label as a catalog message (`msg`), for the reviewer's pages, which translate it. */
export function blindLabelMessage(applicationId: string): string {
  return msg("reviewQueue.applicationLabel", { code: blindCode(applicationId) });
}

function blindCode(applicationId: string): string {
  return applicationId.slice(0, 8).toUpperCase();
}

/**
 * Everything the scoring page shows, for the reviewer the assignment belongs to (else null:
 * someone else's assignment answers like a missing one). Identity is decided here, once.
 */
export async function loadReviewerAssignment(db: DB, assignmentId: string, reviewerId: string) {
  const assignment = await db
    .selectFrom("reviewAssignments")
    .innerJoin("cycles", "cycles.id", "reviewAssignments.cycleId")
    .innerJoin("reviewRounds", "reviewRounds.id", "reviewAssignments.roundId")
    .innerJoin("cycleReviewers", (join) =>
      join
        .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
        .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
    )
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("users as applicant", "applicant.id", "applications.applicantId")
    .select([
      "reviewAssignments.id",
      "reviewAssignments.status",
      "reviewAssignments.dueAt",
      "reviewAssignments.applicationId",
      "reviewAssignments.roundId",
      "cycles.id as cycleId",
      "cycles.name as cycleName",
      "cycles.status as cycleStatus",
      // Each round has its own blind setting (a panel may read names a screening did not).
      "reviewRounds.blindReview",
      "reviewRounds.name as roundName",
      "cycles.timezone",
      "applications.answers",
      "applicant.name as applicantName",
      "applicant.email as applicantEmail",
    ])
    .where("reviewAssignments.id", "=", assignmentId)
    .where("reviewAssignments.reviewerId", "=", reviewerId)
    // Recused means conflicted: the application is no longer this reviewer's to read.
    .where("reviewAssignments.status", "!=", "recused")
    .where("cycleReviewers.active", "=", true)
    .executeTakeFirst();
  if (!assignment) return null;
  const [questions, files, criteria, reviews] = await Promise.all([
    listQuestions(db, assignment.cycleId),
    listApplicationFiles(db, assignment.applicationId),
    listCriteria(db, assignment.roundId),
    db
      .selectFrom("reviews")
      .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
      .select([
        "reviews.assignmentId",
        "reviews.scores",
        "reviews.comments",
        "reviews.recommendation",
        "reviews.confidence",
        "reviews.overallComment",
        "reviews.submittedAt",
        "reviews.version",
      ])
      .where("reviewAssignments.applicationId", "=", assignment.applicationId)
      // Reviews of another round were given on another rubric, by another pool: not this panel's.
      .where("reviewAssignments.roundId", "=", assignment.roundId)
      .execute(),
  ]);
  const own = reviews.find((review) => review.assignmentId === assignmentId) ?? null;
  // Others' reviews stay hidden until one's own is in, so nobody anchors on someone else's scores.
  const others = own?.submittedAt
    ? reviews.filter((review) => review.assignmentId !== assignmentId && review.submittedAt)
    : [];
  const identity = { name: assignment.applicantName, email: assignment.applicantEmail };
  return {
    assignment: {
      id: assignment.id,
      applicationId: assignment.applicationId,
      status: assignment.status,
      dueAt: assignment.dueAt,
    },
    cycle: {
      id: assignment.cycleId,
      name: assignment.cycleName,
      round: assignment.roundName,
      blind: assignment.blindReview,
      timezone: assignment.timezone,
    },
    applicant: assignment.blindReview
      ? { label: blindLabelMessage(assignment.applicationId), name: null }
      : { label: assignment.applicantName, name: assignment.applicantName },
    answers: reviewerAnswers({
      questions,
      answers: assignment.answers,
      files,
      blind: assignment.blindReview,
      identity,
    }),
    criteria,
    own,
    others: others.map(({ scores, comments, recommendation, confidence, overallComment }) => ({
      scores,
      comments,
      recommendation,
      confidence,
      overallComment,
    })),
    editable: assignment.cycleStatus === "reviewing" && assignment.status !== "recused",
  };
}

export type ReviewWrite = { ok: true; version: number } | { ok: false; status: 404 | 409; message: string };

/**
 * Saves a review (a draft, or submitted). Only while the review stage is open, only by its
 * reviewer, only from the version the form was loaded with; submitting is recorded in the audit log.
 */
export async function saveReview(
  db: DB,
  input: { assignmentId: string; reviewerId: string; version: number; values: ReviewValues; submit: boolean },
): Promise<ReviewWrite> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("reviewAssignments")
      .innerJoin("cycles", "cycles.id", "reviewAssignments.cycleId")
      .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
      .select([
        "reviewAssignments.id",
        "reviewAssignments.status",
        "reviewAssignments.applicationId",
        "reviewAssignments.roundId",
        "cycles.id as cycleId",
        "cycles.status as cycleStatus",
        "applications.status as applicationStatus",
      ])
      .where("reviewAssignments.id", "=", input.assignmentId)
      .where("reviewAssignments.reviewerId", "=", input.reviewerId)
      .forUpdate("reviewAssignments")
      .executeTakeFirst();
    if (!assignment) return { ok: false, status: 404, message: msg("reviewForm.errors.notFound") };
    if (assignment.status === "recused") return { ok: false, status: 409, message: msg("reviewForm.errors.recused") };
    if (assignment.cycleStatus !== "reviewing")
      return { ok: false, status: 409, message: msg("reviewForm.errors.closed") };
    if (assignment.applicationStatus !== "in_review") {
      return {
        ok: false,
        status: 409,
        message: msg("reviewForm.errors.decided"),
      };
    }
    // The rubric as it is now, under a share lock: a criterion added at this very moment either
    // waits for this review or is seen by it, so a submitted review always scores every criterion.
    await trx.selectFrom("cycles").select("id").where("id", "=", assignment.cycleId).forShare().execute();
    const criteria = await listCriteria(trx, assignment.roundId);
    if (input.submit) {
      const unscored = criteria.some((criterion) => {
        const score = input.values.scores[criterion.id];
        return (
          score === undefined || !Number.isInteger(score) || score < criterion.scaleMin || score > criterion.scaleMax
        );
      });
      if (unscored || !input.values.recommendation || !input.values.confidence) {
        return {
          ok: false,
          status: 409,
          message: msg("reviewForm.errors.rubricChanged"),
        };
      }
    }

    const existing = await trx
      .selectFrom("reviews")
      .select(["id", "version", "submittedAt"])
      .where("assignmentId", "=", input.assignmentId)
      .executeTakeFirst();
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== input.version) {
      return {
        ok: false,
        status: 409,
        message: msg("reviewForm.errors.stale"),
      };
    }
    const values = {
      scores: JSON.stringify(input.values.scores),
      comments: JSON.stringify(input.values.comments),
      recommendation: input.values.recommendation,
      confidence: input.values.confidence,
      overallComment: input.values.overallComment,
    };
    const submittedAt = input.submit ? (existing?.submittedAt ?? sql<Date>`now()`) : (existing?.submittedAt ?? null);
    let version: number;
    if (existing) {
      const row = await trx
        .updateTable("reviews")
        .set({ ...values, submittedAt, updatedAt: sql`now()`, version: sql`version + 1` })
        .where("id", "=", existing.id)
        .returning("version")
        .executeTakeFirstOrThrow();
      version = row.version;
    } else {
      const row = await trx
        .insertInto("reviews")
        .values({ assignmentId: input.assignmentId, ...values, submittedAt })
        .returning("version")
        .executeTakeFirstOrThrow();
      version = row.version;
    }
    if (input.submit) {
      await trx
        .updateTable("reviewAssignments")
        .set({ status: "submitted", updatedAt: sql`now()`, version: sql`version + 1` })
        .where("id", "=", input.assignmentId)
        .execute();
      await audit(trx, {
        actorId: input.reviewerId,
        action: existing?.submittedAt ? "review.update" : "review.submit",
        subjectType: "application",
        subjectId: assignment.applicationId,
        data: {
          assignmentId: input.assignmentId,
          scores: input.values.scores,
          recommendation: input.values.recommendation,
        },
      });
    }
    return { ok: true, version };
  });
}

/** The reviewer's queue: every active cycle they review, with progress and their assignments. */
export async function reviewerQueue(db: DB, reviewerId: string) {
  const [cycles, assignments] = await Promise.all([
    db
      .selectFrom("cycleReviewers")
      .innerJoin("cycles", "cycles.id", "cycleReviewers.cycleId")
      .select([
        "cycles.id",
        "cycles.name",
        "cycles.status",
        "cycles.blindReview",
        "cycles.timezone",
        "cycles.reviewDueAt",
      ])
      .where("cycleReviewers.userId", "=", reviewerId)
      .where("cycleReviewers.active", "=", true)
      .orderBy("cycles.closesAt", "desc")
      .execute(),
    db
      .selectFrom("reviewAssignments")
      .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
      .innerJoin("users as applicant", "applicant.id", "applications.applicantId")
      .innerJoin("reviewRounds", "reviewRounds.id", "reviewAssignments.roundId")
      .leftJoin("reviews", "reviews.assignmentId", "reviewAssignments.id")
      .select([
        "reviewAssignments.id",
        "reviewAssignments.cycleId",
        "reviewAssignments.status",
        "reviewAssignments.dueAt",
        "reviewAssignments.applicationId",
        "reviewRounds.blindReview",
        "reviewRounds.name as roundName",
        "reviewRounds.position as roundPosition",
        "applicant.name as applicantName",
        sql<boolean>`reviews.id is not null and reviews.submitted_at is null`.as("hasDraft"),
      ])
      .where("reviewAssignments.reviewerId", "=", reviewerId)
      .orderBy("reviewRounds.position", "desc")
      .orderBy("reviewAssignments.createdAt")
      .execute(),
  ]);
  return cycles.map((cycle) => {
    const mine = assignments.filter((assignment) => assignment.cycleId === cycle.id);
    return {
      ...cycle,
      assigned: mine.filter((assignment) => assignment.status !== "recused").length,
      submitted: mine.filter((assignment) => assignment.status === "submitted").length,
      assignments: mine.map((assignment) => ({
        id: assignment.id,
        status: assignment.status,
        dueAt: assignment.dueAt,
        hasDraft: assignment.hasDraft,
        round: assignment.roundName,
        roundPosition: assignment.roundPosition,
        // In a blind cycle the queue never carries the applicant's name.
        label: assignment.blindReview ? blindLabelMessage(assignment.applicationId) : assignment.applicantName,
      })),
    };
  });
}
