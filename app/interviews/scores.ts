import { z } from "zod";
import { msg, type MessageKey } from "~/i18n/message";

/** The short structured score a host gives each interview (1–5 per criterion), private to the host. */
export const SCORE_CRITERIA = [
  { key: "skills", label: "partnerPositions.scores.skills" },
  { key: "fit", label: "partnerPositions.scores.fit" },
  { key: "communication", label: "partnerPositions.scores.communication" },
] as const satisfies readonly { key: string; label: MessageKey }[];
export type ScoreKey = (typeof SCORE_CRITERIA)[number]["key"];
export type InterviewScores = Partial<Record<ScoreKey, number>>;

const scoreField = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce
    .number()
    .int(msg("partnerPositions.errors.score"))
    .min(1, msg("partnerPositions.errors.score"))
    .max(5, msg("partnerPositions.errors.score"))
    .optional(),
);

/** The score fields of the interview notes form (`score.skills`, …); each may be left out. */
export const ScoreFields = Object.fromEntries(
  SCORE_CRITERIA.map((criterion) => [`score_${criterion.key}`, scoreField]),
) as Record<`score_${ScoreKey}`, typeof scoreField>;

export function scoresFromValues(values: Partial<Record<`score_${ScoreKey}`, number | undefined>>): InterviewScores {
  const scores: InterviewScores = {};
  for (const { key } of SCORE_CRITERIA) {
    const value = values[`score_${key}`];
    if (value !== undefined) scores[key] = value;
  }
  return scores;
}

/** The mean of the criteria scored, to one decimal, or null when none is. */
export function meanScore(scores: InterviewScores | null | undefined): number | null {
  const values = SCORE_CRITERIA.map(({ key }) => scores?.[key]).filter((v): v is number => typeof v === "number");
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}
