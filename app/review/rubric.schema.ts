import { z } from "zod";

const CriterionFields = {
  name: z
    .string({ error: "Name the criterion" })
    .trim()
    .min(1, "Name the criterion")
    .max(120, "Use at most 120 characters"),
  guidance: z.string().trim().max(2000, "Use at most 2000 characters").optional().default(""),
  weight: z.coerce
    .number({ error: "Enter a weight" })
    .int("Enter a whole number")
    .min(1, "At least 1")
    .max(100, "At most 100"),
  scaleMin: z.coerce
    .number({ error: "Enter the lowest score" })
    .int("Enter a whole number")
    .min(0, "At least 0")
    .max(9, "At most 9"),
  scaleMax: z.coerce
    .number({ error: "Enter the highest score" })
    .int("Enter a whole number")
    .min(1, "At least 1")
    .max(10, "At most 10"),
};

const scaleMessage = { message: "The highest score must be above the lowest", path: ["scaleMax"] };
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
  { error: "That form action is not known." },
);

export interface CriterionInput {
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}
