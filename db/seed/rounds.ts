import { sql } from "kysely";
import type { DB } from "../client";
import { planAssignment } from "~/review/assignments.server";
import { advanceApplications, createRound, listRounds } from "~/review/rounds.server";

const DAY = 24 * 60 * 60 * 1000;

const PANEL = ["reviewer@demo.test", "ingrid.holm@reviewers.demo.test", "yusuf.adeyemi@reviewers.demo.test"];

const PANEL_RUBRIC = [
  { name: "Readiness for a host", weight: 60, guidance: "Could they start with a host next month?" },
  { name: "Strength of the whole application", weight: 40, guidance: "Read against the other finalists." },
];

/**
 * The 2026 cycle's second round: after the screening, a panel of three reads the screening's top six
 * on a short rubric of its own. Advanced through the same function staff use (so it is audited); the
 * demo reviewer has two panel reviews still to do. Built once.
 */
export async function seedPanelRound(db: DB, cycleId: string): Promise<void> {
  const rounds = await listRounds(db, cycleId);
  if (rounds.length !== 1) return;
  const staff = await db.selectFrom("users").select("id").where("email", "=", "staff@demo.test").executeTakeFirst();
  const panel = await db.selectFrom("users").select(["id", "email"]).where("email", "in", PANEL).execute();
  if (!staff || panel.length !== PANEL.length) return;
  const created = await createRound(db, staff.id, cycleId, {
    name: "Panel",
    reviewersPerApplication: 3,
    blindReview: rounds[0]!.blindReview,
    reviewDueAt: new Date(Date.now() + 14 * DAY),
    reviewerIds: panel.map((person) => person.id),
  });
  if (!created.ok) throw new Error(created.message);
  const round = (await listRounds(db, cycleId)).find((candidate) => candidate.position === created.position)!;
  const criteria = [];
  for (const [index, criterion] of PANEL_RUBRIC.entries())
    criteria.push(
      await db
        .insertInto("rubricCriteria")
        .values({ cycleId, roundId: round.id, position: index + 1, ...criterion, scaleMin: 1, scaleMax: 5 })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
  const advanced = await advanceApplications(db, staff.id, cycleId, {
    toPosition: round.position,
    rule: { method: "top_n", count: 6 },
    reason: "The screening's six strongest, by calibrated score, go to the panel.",
  });
  if (!advanced.ok) throw new Error(advanced.message);
  const plan = await planAssignment(db, round);
  let leftForDemoReviewer = 2;
  for (const [index, pair] of plan.added.entries()) {
    const demoReviewer = panel.find((person) => person.id === pair.reviewerId)?.email === "reviewer@demo.test";
    const open = demoReviewer && leftForDemoReviewer > 0;
    if (open) leftForDemoReviewer--;
    const assignment = await db
      .insertInto("reviewAssignments")
      .values({
        cycleId,
        roundId: round.id,
        ...pair,
        status: open ? "assigned" : "submitted",
        dueAt: round.reviewDueAt,
        assignedBy: staff.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (open) continue;
    const score = 2 + ((index * 7) % 4);
    await db
      .insertInto("reviews")
      .values({
        assignmentId: assignment.id,
        scores: JSON.stringify({ [criteria[0]!.id]: score, [criteria[1]!.id]: Math.min(5, score + (index % 2)) }),
        comments: JSON.stringify({}),
        recommendation: score >= 4 ? "yes" : "maybe",
        confidence: 2,
        overallComment: score >= 4 ? "Ready for a host now." : "Would need close support in the first months.",
        submittedAt: sql`now() - interval '1 day'`,
      })
      .execute();
  }
}
