import { z } from "zod";
import { msg, type MessageKey } from "~/i18n/message";

export const RECOMMENDATIONS = ["strong_yes", "yes", "maybe", "no"] as const;
export const RECOMMENDATION_KEYS: Record<(typeof RECOMMENDATIONS)[number], MessageKey> = {
  strong_yes: "reviewForm.recommendations.strong_yes",
  yes: "reviewForm.recommendations.yes",
  maybe: "reviewForm.recommendations.maybe",
  no: "reviewForm.recommendations.no",
};
export const CONFIDENCE_KEYS: Record<number, MessageKey> = {
  1: "reviewForm.confidence.low",
  2: "reviewForm.confidence.medium",
  3: "reviewForm.confidence.high",
};

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
    intent: z.enum(["save", "submit"], { error: msg("forms.errors.unknownAction") }),
    version: z.coerce
      .number({ error: msg("forms.errors.missingVersion") })
      .int()
      .min(0),
    recommendation: required
      ? z.enum(RECOMMENDATIONS, { error: msg("reviewForm.errors.recommendation") })
      : z.enum(RECOMMENDATIONS, { error: msg("reviewForm.errors.recommendation") }).optional(),
    confidence: required
      ? z.coerce
          .number({ error: msg("reviewForm.errors.confidence") })
          .int()
          .min(1, msg("reviewForm.errors.chooseOne"))
          .max(3, msg("reviewForm.errors.chooseOne"))
      : z.coerce
          .number()
          .int()
          .min(1, msg("reviewForm.errors.chooseOne"))
          .max(3, msg("reviewForm.errors.chooseOne"))
          .optional(),
    overallComment: z
      .string()
      .trim()
      .max(5000, msg("forms.errors.maxChars", { count: 5000 }))
      .optional()
      .default(""),
  };
  for (const criterion of criteria) {
    const score = z.coerce
      .number({ error: msg("reviewForm.errors.giveScore") })
      .int(msg("reviewForm.errors.wholeScore"))
      .min(criterion.scaleMin, msg("reviewForm.errors.from", { min: criterion.scaleMin }))
      .max(criterion.scaleMax, msg("reviewForm.errors.to", { max: criterion.scaleMax }));
    shape[scoreField(criterion)] = required ? score : score.optional();
    shape[commentField(criterion)] = z
      .string()
      .trim()
      .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
      .optional()
      .default("");
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
