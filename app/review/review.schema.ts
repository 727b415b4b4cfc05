import { z } from "zod";

export const RECOMMENDATIONS = ["strong_yes", "yes", "maybe", "no"] as const;
export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  strong_yes: "Strong yes",
  yes: "Yes",
  maybe: "Maybe",
  no: "No",
};
export const CONFIDENCE_LABELS: Record<number, string> = { 1: "Low", 2: "Medium", 3: "High" };

export interface ReviewCriterion {
  id: string;
  name: string;
  scaleMin: number;
  scaleMax: number;
}

export const scoreField = (criterion: Pick<ReviewCriterion, "id">) => `score_${criterion.id}`;
export const commentField = (criterion: Pick<ReviewCriterion, "id">) => `comment_${criterion.id}`;

/**
 * The review form's schema, derived from the cycle's rubric, shared by browser and server. A
 * draft may leave anything blank; submitting needs every score, a recommendation and a confidence.
 */
export function buildReviewSchema(criteria: ReviewCriterion[], mode: "draft" | "submit") {
  const required = mode === "submit";
  const shape: Record<string, z.ZodType> = {
    intent: z.enum(["save", "submit"], { error: "That form action is not known." }),
    version: z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(0),
    recommendation: required
      ? z.enum(RECOMMENDATIONS, { error: "Choose a recommendation" })
      : z.enum(RECOMMENDATIONS, { error: "Choose a recommendation" }).optional(),
    confidence: required
      ? z.coerce.number({ error: "Say how confident you are" }).int().min(1, "Choose one").max(3, "Choose one")
      : z.coerce.number().int().min(1, "Choose one").max(3, "Choose one").optional(),
    overallComment: z.string().trim().max(5000, "Use at most 5000 characters").optional().default(""),
  };
  for (const criterion of criteria) {
    const score = z.coerce
      .number({ error: "Give a score" })
      .int("Give a whole score")
      .min(criterion.scaleMin, `From ${criterion.scaleMin}`)
      .max(criterion.scaleMax, `To ${criterion.scaleMax}`);
    shape[scoreField(criterion)] = required ? score : score.optional();
    shape[commentField(criterion)] = z.string().trim().max(2000, "Use at most 2000 characters").optional().default("");
  }
  return z.object(shape);
}

export interface ReviewValues {
  scores: Record<string, number>;
  comments: Record<string, string>;
  recommendation: (typeof RECOMMENDATIONS)[number] | null;
  confidence: number | null;
  overallComment: string;
}

export function reviewValuesFrom(criteria: ReviewCriterion[], value: Record<string, unknown>): ReviewValues {
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const criterion of criteria) {
    const score = value[scoreField(criterion)];
    if (typeof score === "number") scores[criterion.id] = score;
    const comment = value[commentField(criterion)];
    if (typeof comment === "string" && comment) comments[criterion.id] = comment;
  }
  return {
    scores,
    comments,
    recommendation: (value.recommendation as ReviewValues["recommendation"]) ?? null,
    confidence: typeof value.confidence === "number" ? value.confidence : null,
    overallComment: typeof value.overallComment === "string" ? value.overallComment : "",
  };
}
