import type { Kysely } from "kysely";
import type { DB } from "#db/client";
import type { AnswerValue, Database } from "#db/types";
import { conflictReasons, prepareApplicant, type ReviewerFacts } from "./conflicts";

export async function listDeclaredConflicts(db: DB, cycleId: string, reviewerId: string) {
  return db
    .selectFrom("conflicts")
    .select(["kind", "value", "source"])
    .where("cycleId", "=", cycleId)
    .where("reviewerId", "=", reviewerId)
    .orderBy("kind")
    .orderBy("value")
    .execute();
}

function answerTexts(answers: Record<string, AnswerValue>): string[] {
  return Object.values(answers).flatMap((value) => (Array.isArray(value) ? value : [value]));
}

/**
 * Every conflicted (reviewer, application) pair of a cycle: declared, recused, or detected from
 * email domains and organizations named in answers. Four queries for the whole cycle.
 */
export async function conflictedPairs(
  db: Kysely<Database>,
  cycleId: string,
  applicationIds?: string[],
): Promise<{ reviewerId: string; applicationId: string; reasons: string[] }[]> {
  let applicationsQuery = db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select(["applications.id", "applications.applicantId", "applications.answers", "users.email", "users.name"])
    .where("applications.cycleId", "=", cycleId);
  if (applicationIds) {
    if (applicationIds.length === 0) return [];
    applicationsQuery = applicationsQuery.where("applications.id", "in", applicationIds);
  }
  const [applications, reviewers, declared, memberships] = await Promise.all([
    applicationsQuery.execute(),
    db
      .selectFrom("cycleReviewers")
      .innerJoin("users", "users.id", "cycleReviewers.userId")
      .select(["users.id", "users.email"])
      .where("cycleReviewers.cycleId", "=", cycleId)
      .execute(),
    db.selectFrom("conflicts").select(["reviewerId", "kind", "value"]).where("cycleId", "=", cycleId).execute(),
    db
      .selectFrom("orgMembers")
      .innerJoin("organizations", "organizations.id", "orgMembers.organizationId")
      .innerJoin("cycleReviewers", "cycleReviewers.userId", "orgMembers.userId")
      .select(["orgMembers.userId", "organizations.name"])
      .where("cycleReviewers.cycleId", "=", cycleId)
      .execute(),
  ]);
  const facts: ReviewerFacts[] = reviewers.map((reviewer) => ({
    userId: reviewer.id,
    email: reviewer.email,
    declared: declared
      .filter((row) => row.reviewerId === reviewer.id)
      .map((row) => ({ kind: row.kind, value: row.value })),
    organizations: memberships.filter((row) => row.userId === reviewer.id).map((row) => row.name),
  }));
  const pairs: { reviewerId: string; applicationId: string; reasons: string[] }[] = [];
  for (const application of applications) {
    const applicant = prepareApplicant({
      applicationId: application.id,
      userId: application.applicantId,
      email: application.email,
      name: application.name,
      texts: answerTexts(application.answers),
    });
    reviewers.forEach((reviewer, index) => {
      const reasons = conflictReasons(facts[index]!, applicant);
      if (reasons.length > 0) pairs.push({ reviewerId: reviewer.id, applicationId: application.id, reasons });
    });
  }
  return pairs;
}

/** Everything a reviewer declared, across their cycles, in one query. */
export async function declaredConflictsOf(db: DB, reviewerId: string) {
  return db
    .selectFrom("conflicts")
    .select(["cycleId", "kind", "value"])
    .where("reviewerId", "=", reviewerId)
    .where("source", "=", "declared")
    .orderBy("value")
    .execute();
}
