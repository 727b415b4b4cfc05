import { z } from "zod";

/** The short structured score a host gives each interview (1–5 per criterion), private to the host. */
export const SCORE_CRITERIA = [
  { key: "skills", label: "Skills for the project" },
  { key: "fit", label: "Fit with the host and shared values" },
  { key: "communication", label: "Working in the open and communication" },
] as const;
export type ScoreKey = (typeof SCORE_CRITERIA)[number]["key"];
export type InterviewScores = Partial<Record<ScoreKey, number>>;

const scoreField = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce
    .number()
    .int("Choose a score from 1 to 5")
    .min(1, "Choose a score from 1 to 5")
    .max(5, "Choose a score from 1 to 5")
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
