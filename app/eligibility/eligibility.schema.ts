import { z } from "zod";
import { lineListField } from "~/utils/form-fields";

/** The staff's form for the eligibility screen: add or remove a question. */
export const EligibilityActionSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("add"),
        label: z
          .string({ error: "Write the question" })
          .trim()
          .min(1, "Write the question")
          .max(300, "Use at most 300 characters"),
        help: z.string().trim().max(1000, "Use at most 1000 characters").optional().default(""),
        options: lineListField({ maxItems: 20, maxLength: 200 }),
        qualifying: lineListField({ maxItems: 20, maxLength: 200 }),
        reason: z
          .string({ error: "Say why someone with another answer cannot apply" })
          .trim()
          .min(1, "Say why someone with another answer cannot apply")
          .max(1000, "Use at most 1000 characters"),
      })
      .refine((value) => value.options.length >= 2, {
        message: "List at least two answers, one per line",
        path: ["options"],
      })
      .refine((value) => value.qualifying.length > 0, {
        message: "List the answers that qualify, one per line",
        path: ["qualifying"],
      })
      .refine((value) => value.qualifying.every((answer) => value.options.includes(answer)), {
        message: "Each qualifying answer must be one of the answers above",
        path: ["qualifying"],
      }),
    z.object({ intent: z.literal("remove"), questionId: z.uuid() }),
  ],
  { error: "That form action is not known." },
);

export type EligibilityQuestionInput = Omit<z.output<typeof EligibilityActionSchema> & { intent: "add" }, "intent">;
