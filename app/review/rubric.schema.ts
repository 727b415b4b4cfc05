import { z } from "zod";
import { msg } from "~/i18n/message";

const CriterionFields = {
  name: z
    .string({ error: msg("schemas.rubric.nameCriterion") })
    .trim()
    .min(1, msg("schemas.rubric.nameCriterion"))
    .max(120, msg("forms.errors.maxChars", { count: 120 })),
  guidance: z
    .string()
    .trim()
    .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
    .optional()
    .default(""),
  weight: z.coerce
    .number({ error: msg("schemas.rubric.enterWeight") })
    .int(msg("schemas.errors.wholeNumber"))
    .min(1, msg("schemas.errors.atLeast", { min: 1 }))
    .max(100, msg("schemas.errors.atMost", { max: 100 })),
  scaleMin: z.coerce
    .number({ error: msg("schemas.rubric.enterLowest") })
    .int(msg("schemas.errors.wholeNumber"))
    .min(0, msg("schemas.errors.atLeast", { min: 0 }))
    .max(9, msg("schemas.errors.atMost", { max: 9 })),
  scaleMax: z.coerce
    .number({ error: msg("schemas.rubric.enterHighest") })
    .int(msg("schemas.errors.wholeNumber"))
    .min(1, msg("schemas.errors.atLeast", { min: 1 }))
    .max(10, msg("schemas.errors.atMost", { max: 10 })),
};

const scaleMessage = { message: msg("schemas.rubric.scaleOrder"), path: ["scaleMax"] };
const scaleOk = (value: { scaleMin: number; scaleMax: number }) => value.scaleMax > value.scaleMin;

export const CriterionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add-criterion"), ...CriterionFields }).refine(scaleOk, scaleMessage),
    z
      .object({
        intent: z.literal("update-criterion"),
        criterionId: z.uuid(),
        version: z.coerce.number().int(),
        ...CriterionFields,
      })
      .refine(scaleOk, scaleMessage),
    z.object({ intent: z.literal("delete-criterion"), criterionId: z.uuid() }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

export interface CriterionInput {
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}
