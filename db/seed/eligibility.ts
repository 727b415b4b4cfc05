import type { DB } from "../client";

/** The open cycle's eligibility screen, with counts of visitors it screened out so far (numbers only). */
export async function seedEligibilityScreen(db: DB, cycleId: string) {
  const questions = [
    {
      label: "Can you commit to ten months, from September to June?",
      reason: "The fellowship is a ten-month commitment from September. We hope the timing suits you in a future call.",
      screenedOut: 14,
    },
    {
      label: "Will you be 18 or older when the fellowship starts?",
      reason: "Fellows must be adults when the fellowship starts.",
      screenedOut: 3,
    },
  ];
  for (const [index, question] of questions.entries()) {
    const row = await db
      .insertInto("eligibilityQuestions")
      .values({
        cycleId,
        position: index + 1,
        label: question.label,
        options: JSON.stringify(["Yes", "No"]),
        qualifying: JSON.stringify(["Yes"]),
        reason: question.reason,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("eligibilityScreenouts")
      .values({ questionId: row.id, cycleId, count: question.screenedOut })
      .execute();
  }
}
