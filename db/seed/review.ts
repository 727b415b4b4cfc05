import { sql } from "kysely";
import type { DB } from "../client";
import { assignReviewers } from "~/review/assignment";
import { upsertUsers } from "./accounts";

const DAY = 24 * 60 * 60 * 1000;

/** DOMAIN.md's rubric: five criteria scored 1–5, weights in percent. */
export const DEMO_RUBRIC = [
  {
    name: "Commitment to a healthy internet",
    weight: 25,
    guidance: "Does the applicant show a lasting commitment to an open, secure, inclusive internet?",
  },
  {
    name: "Skill match to the host's project",
    weight: 30,
    guidance: "Could they do the work hosts need, from the evidence given?",
  },
  {
    name: "Fit with host and shared values",
    weight: 20,
    guidance: "Would they thrive with the kind of host they describe?",
  },
  {
    name: "Working in the open and communication",
    weight: 15,
    guidance: "Will their work be visible, shared and understood?",
  },
  {
    name: "Contribution to the cohort and perspective",
    weight: 10,
    guidance: "What would they add to the cohort that is missing?",
  },
];

/** Six reviewers; one of them (Claire) declared conflicts; harshness makes normalisation visible. */
const REVIEWERS = [
  {
    email: "reviewer@demo.test",
    name: "Kwame Mensah",
    expertise: ["Open Web", "security"],
    capacity: 14,
    harshness: 0,
  },
  {
    email: "sofia.marquez@reviewers.demo.test",
    name: "Sofía Márquez",
    expertise: ["Tech Policy"],
    capacity: 14,
    harshness: -0.9,
  },
  {
    email: "ingrid.holm@reviewers.demo.test",
    name: "Ingrid Holm",
    expertise: ["Science", "Open Web"],
    capacity: 14,
    harshness: 0.6,
  },
  {
    email: "deepa.raghunathan@reviewers.demo.test",
    name: "Deepa Raghunathan",
    expertise: ["Open Web"],
    capacity: 14,
    harshness: 0.2,
  },
  {
    email: "yusuf.adeyemi@reviewers.demo.test",
    name: "Yusuf Adeyemi",
    expertise: ["Tech Policy", "Science"],
    capacity: 14,
    harshness: -0.3,
  },
  {
    email: "claire.dubois@reviewers.demo.test",
    name: "Claire Dubois",
    expertise: ["Tech Policy"],
    capacity: 14,
    harshness: 0.4,
  },
];

/** A small deterministic generator, so every demo looks the same. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The review cycle's panel, rubric, assignments and reviews in every state. */
export async function seedReview(db: DB, cycleId: string, passwordHash: string): Promise<void> {
  const existing = await db
    .selectFrom("rubricCriteria")
    .select("id")
    .where("cycleId", "=", cycleId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await db
    .updateTable("cycles")
    .set({ reviewDueAt: new Date(Date.now() + 10 * DAY) })
    .where("id", "=", cycleId)
    .execute();
  // The first round is the screening: the cycle's settings, the full rubric, the whole panel.
  const round = await db
    .updateTable("reviewRounds")
    .set({ name: "Screening", reviewDueAt: new Date(Date.now() + 10 * DAY) })
    .where("cycleId", "=", cycleId)
    .where("position", "=", 1)
    .returning("id")
    .executeTakeFirstOrThrow();
  const criteria = [];
  for (const [index, criterion] of DEMO_RUBRIC.entries()) {
    criteria.push(
      await db
        .insertInto("rubricCriteria")
        .values({ cycleId, roundId: round.id, position: index + 1, ...criterion, scaleMin: 1, scaleMax: 5 })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
  }
  const ids = await upsertUsers(db, REVIEWERS, passwordHash);
  const reviewers = REVIEWERS.map((reviewer) => ({ ...reviewer, id: ids.get(reviewer.email)! }));
  await db
    .insertInto("cycleReviewers")
    .values(
      reviewers.map((reviewer) => ({
        cycleId,
        userId: reviewer.id,
        capacity: reviewer.capacity,
        expertise: JSON.stringify(reviewer.expertise),
      })),
    )
    .onConflict((oc) => oc.columns(["cycleId", "userId"]).doNothing())
    .execute();

  const applications = await db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select(["applications.id", "applications.status", "applications.answers", "users.name"])
    .where("applications.cycleId", "=", cycleId)
    .where("applications.status", "in", ["in_review", "finalist", "not_selected"])
    .orderBy("users.name")
    .execute();
  const claire = reviewers.at(-1)!;
  const conflicted = applications.slice(0, 2);
  await db
    .insertInto("conflicts")
    .values([
      ...conflicted.map((application) => ({
        cycleId,
        reviewerId: claire.id,
        kind: "person" as const,
        value: application.name,
        source: "declared" as const,
      })),
      {
        cycleId,
        reviewerId: claire.id,
        kind: "organization" as const,
        value: "Digital Liberties Federation",
        source: "declared" as const,
      },
    ])
    .execute();

  const plan = assignReviewers({
    applications: applications.map((application) => ({ id: application.id, tags: [] })),
    reviewers: reviewers.map((reviewer) => ({
      id: reviewer.id,
      capacity: reviewer.capacity,
      expertise: reviewer.expertise,
    })),
    conflicts: conflicted.map((application) => ({ reviewerId: claire.id, applicationId: application.id })),
    existing: [],
    k: 3,
  });
  const random = seeded(2026);
  const quality = new Map(
    applications.map((application) => [
      application.id,
      application.status === "finalist" ? 4.2 : application.status === "not_selected" ? 2.2 : 1.8 + random() * 2.6,
    ]),
  );
  const decided = new Set(
    applications.filter((application) => application.status !== "in_review").map((application) => application.id),
  );
  let recusedOne = false;
  for (const [index, pair] of plan.added.entries()) {
    const reviewer = reviewers.find((candidate) => candidate.id === pair.reviewerId)!;
    // Every decided application was fully reviewed; the others are part way through: submitted, drafts, untouched, one recusal.
    const state = decided.has(pair.applicationId)
      ? "submitted"
      : index % 5 === 0
        ? "draft"
        : index % 5 === 1
          ? "assigned"
          : "submitted";
    const recusal = !recusedOne && state === "assigned" && reviewer.email === "reviewer@demo.test";
    if (recusal) recusedOne = true;
    const assignment = await db
      .insertInto("reviewAssignments")
      .values({
        cycleId,
        roundId: round.id,
        ...pair,
        status: recusal ? "recused" : state === "submitted" ? "submitted" : "assigned",
        recusalReason: recusal ? "I mentored this applicant last year." : null,
        dueAt: new Date(Date.now() + 10 * DAY),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (recusal) {
      await db
        .insertInto("conflicts")
        .values({
          cycleId,
          reviewerId: reviewer.id,
          kind: "application",
          value: pair.applicationId,
          source: "recusal",
          reason: "I mentored this applicant last year.",
        })
        .execute();
      continue;
    }
    if (state === "assigned") continue;
    const base = quality.get(pair.applicationId)! - reviewer.harshness;
    const scores = Object.fromEntries(
      criteria.map((criterion) => [criterion.id, Math.max(1, Math.min(5, Math.round(base + (random() - 0.5) * 1.4)))]),
    );
    const mean = Object.values(scores).reduce((sum, score) => sum + score, 0) / criteria.length;
    await db
      .insertInto("reviews")
      .values({
        assignmentId: assignment.id,
        scores: JSON.stringify(scores),
        comments: JSON.stringify({
          [criteria[1]!.id]:
            mean >= 3.5 ? "Clear evidence of relevant work." : "The project description stays general.",
        }),
        recommendation: mean >= 4.2 ? "strong_yes" : mean >= 3.4 ? "yes" : mean >= 2.6 ? "maybe" : "no",
        confidence: 1 + Math.floor(random() * 3),
        overallComment:
          mean >= 3.5
            ? "A strong, concrete application with a credible plan."
            : "Promising, but the plan needs more detail.",
        submittedAt: state === "submitted" ? sql`now() - interval '2 days'` : null,
      })
      .execute();
  }
}
