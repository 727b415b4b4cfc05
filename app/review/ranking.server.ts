import type { DB } from "#db/client";
import { csvStream } from "~/utils/csv.server";
import { exportRows, type KeysetQuery } from "~/utils/export-rows.server";
import { audit } from "~/audit/audit.server";
import { fitRound } from "./fit-worker.server";
import { listCriteria } from "./rubric.server";
import { inRound, inRoundPool, type RoundRef } from "./rounds.server";

type RankedRound = Pick<RoundRef, "id" | "cycleId" | "position" | "reviewersPerApplication">;
import type { Criterion, SubmittedReview } from "./scoring";

export async function submittedReviews(db: DB, roundId: string) {
  return db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .innerJoin("users as reviewer", "reviewer.id", "reviewAssignments.reviewerId")
    .select([
      "reviews.id",
      "reviews.scores",
      "reviews.comments",
      "reviews.recommendation",
      "reviews.confidence",
      "reviews.overallComment",
      "reviews.submittedAt",
      "reviewAssignments.applicationId",
      "reviewAssignments.reviewerId",
      "reviewer.name as reviewerName",
    ])
    .where("reviewAssignments.roundId", "=", roundId)
    .where("reviews.submittedAt", "is not", null)
    .execute();
}

export function asCriteria(rows: Awaited<ReturnType<typeof listCriteria>>): Criterion[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    weight: row.weight,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
  }));
}

/** A round's submitted reviews as the scoring reads them: which reviewer gave which scores to which application. */
export function scoredReviews(reviews: readonly SubmittedReview[]): SubmittedReview[] {
  return reviews.map((review) => ({
    id: review.id,
    reviewerId: review.reviewerId,
    applicationId: review.applicationId,
    scores: review.scores,
  }));
}

/**
 * The staff ranking of one round in four queries: its applications best first by calibrated score
 * (with its interval, raw mean, spread and flags) from that round's reviews on its rubric, reviewer
 * bias estimates, and score distributions. An application with fewer scored reviews than the round's
 * k is flagged.
 */
export async function cycleRanking(db: DB, round: RankedRound) {
  const cycleId = round.cycleId;
  const cycle = round;
  const [criteriaRows, reviews, applications, progress, topics] = await Promise.all([
    listCriteria(db, round.id),
    submittedReviews(db, round.id),
    db
      .selectFrom("applications")
      .innerJoin("users", "users.id", "applications.applicantId")
      .select(["applications.id", "applications.status", "applications.pendingDecision", "users.name"])
      .where("applications.cycleId", "=", cycleId)
      .where("applications.status", "in", ["in_review", "finalist", "waitlisted", "not_selected"])
      .where(inRound(round))
      .execute(),
    reviewerProgress(db, round),
    applicationTopics(db, cycleId),
  ]);
  const fitted = await fitRound(asCriteria(criteriaRows), scoredReviews(reviews), {
    minReviews: cycle.reviewersPerApplication,
    topics,
  });
  const rows = fitted.applications;
  const position = new Map(rows.map((row, index) => [row.applicationId, index]));
  const byId = new Map(rows.map((row) => [row.applicationId, row]));
  const reviewerNames = new Map(reviews.map((review) => [review.reviewerId, review.reviewerName]));
  return {
    criteria: fitted.criteria,
    minReviews: cycle.reviewersPerApplication,
    /** Ranked applications first, in the calibrated order (`rank` from 1), then those without a score. */
    applications: applications
      .map((application) => ({
        ...application,
        rank: position.has(application.id) ? position.get(application.id)! + 1 : null,
        score: byId.get(application.id) ?? null,
      }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name)),
    biases: fitted.biases.map((row) => ({ ...row, name: reviewerNames.get(row.reviewerId) ?? "" })),
    distribution: fitted.distribution,
    progress,
  };
}

/**
 * Each application's topic for the calibration: its answers to the single-choice questions whose
 * options are some reviewer's expertise (the ones the assignment matched panels on), e.g. the track.
 * Reviewers mostly read their own topic, so a strong topic must not pass for lenient reviewers.
 */
export async function applicationTopics(db: DB, cycleId: string): Promise<Map<string, string>> {
  const [questions, pool, applications] = await Promise.all([
    db
      .selectFrom("cycleQuestions")
      .select(["id", "options"])
      .where("cycleId", "=", cycleId)
      .where("kind", "=", "single_choice")
      .orderBy("position")
      .execute(),
    db.selectFrom("cycleReviewers").select("expertise").where("cycleId", "=", cycleId).execute(),
    db
      .selectFrom("applications")
      .select(["id", "answers"])
      .where("cycleId", "=", cycleId)
      .where("status", "!=", "draft")
      .execute(),
  ]);
  const expertise = new Set(pool.flatMap((row) => row.expertise.map((tag) => tag.toLowerCase())));
  const topical = questions.filter((question) =>
    question.options.some((option) => expertise.has(option.toLowerCase())),
  );
  return new Map(
    applications.map((application) => [
      application.id,
      topical.map((question) => String(application.answers[question.id] ?? "").toLowerCase()).join(" / "),
    ]),
  );
}

export async function reviewerProgress(db: DB, round: Pick<RoundRef, "id" | "cycleId" | "position">) {
  const rows = await db
    .selectFrom("cycleReviewers")
    .innerJoin("users", "users.id", "cycleReviewers.userId")
    .leftJoin("reviewAssignments", (join) =>
      join
        .onRef("reviewAssignments.reviewerId", "=", "cycleReviewers.userId")
        .onRef("reviewAssignments.cycleId", "=", "cycleReviewers.cycleId")
        .on("reviewAssignments.roundId", "=", round.id),
    )
    .select((eb) => [
      "users.id",
      "users.name",
      eb.fn
        .count<number>("reviewAssignments.id")
        .filterWhere("reviewAssignments.status", "!=", "recused")
        .as("assigned"),
      eb.fn
        .count<number>("reviewAssignments.id")
        .filterWhere("reviewAssignments.status", "=", "submitted")
        .as("submitted"),
    ])
    .where("cycleReviewers.cycleId", "=", round.cycleId)
    .where("cycleReviewers.active", "=", true)
    .where(inRoundPool(round))
    .groupBy(["users.id", "users.name"])
    .orderBy("users.name")
    .execute();
  return rows.map((row) => ({ ...row, assigned: Number(row.assigned), submitted: Number(row.submitted) }));
}

function submittedReviewsWithApplicant(db: DB, roundId: string) {
  return db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .innerJoin("users as reviewer", "reviewer.id", "reviewAssignments.reviewerId")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("users as applicant", "applicant.id", "applications.applicantId")
    .select([
      "reviews.id",
      "reviews.scores",
      "reviews.comments",
      "reviews.recommendation",
      "reviews.confidence",
      "reviews.overallComment",
      "reviews.submittedAt",
      "reviewAssignments.applicationId",
      "reviewer.name as reviewerName",
      "applicant.name as applicantName",
    ])
    .where("reviewAssignments.roundId", "=", roundId)
    .where("reviews.submittedAt", "is not", null)
    .orderBy("reviews.id");
}

type ExportedReview = Awaited<ReturnType<ReturnType<typeof submittedReviewsWithApplicant>["executeTakeFirstOrThrow"]>>;

/** Every submitted review of a round as CSV, one row per review with each criterion's score and comment; audited, streamed. */
export async function exportReviewsCsv(db: DB, actorId: string, round: Pick<RoundRef, "id" | "cycleId" | "name">) {
  const cycleId = round.cycleId;
  const criteriaRows = await listCriteria(db, round.id);
  const header = [
    "application_id",
    "applicant",
    "reviewer",
    "submitted_at",
    "recommendation",
    "confidence",
    ...criteriaRows.flatMap((criterion) => [`${criterion.name} (score)`, `${criterion.name} (comment)`]),
    "overall_comment",
  ];
  await audit(db, {
    actorId,
    action: "export.reviews",
    subjectType: "cycle",
    subjectId: cycleId,
    data: { format: "csv", round: round.name },
  });
  const reviews: KeysetQuery<ExportedReview, string> = {
    after: (id) =>
      id === null
        ? submittedReviewsWithApplicant(db, round.id)
        : submittedReviewsWithApplicant(db, round.id).where("reviews.id", ">", id),
    keyOf: (review) => review.id,
  };
  async function* cells() {
    for await (const review of exportRows(db, reviews)) {
      yield [
        review.applicationId,
        review.applicantName,
        review.reviewerName,
        review.submittedAt?.toISOString() ?? "",
        review.recommendation ?? "",
        review.confidence ?? "",
        ...criteriaRows.flatMap((criterion) => [
          review.scores[criterion.id] ?? "",
          review.comments[criterion.id] ?? "",
        ]),
        review.overallComment,
      ];
    }
  }
  return csvStream(header, cells());
}
