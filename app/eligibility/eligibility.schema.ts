import { z } from "zod";
import { msg } from "~/i18n/message";
import { QuestionTextFields } from "~/cycles/cycles.schema";
import { lineListField } from "~/utils/form-fields";

/** The staff's form for the eligibility screen: add or remove a question. */
export const EligibilityActionSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("add"),
        ...QuestionTextFields,
        options: lineListField({ maxItems: 20, maxLength: 200 }),
        qualifying: lineListField({ maxItems: 20, maxLength: 200 }),
        reason: z
          .string({ error: msg("schemas.eligibility.sayWhyNot") })
          .trim()
          .min(1, msg("schemas.eligibility.sayWhyNot"))
          .max(1000, msg("forms.errors.maxChars", { count: 1000 })),
      })
      .refine((value) => value.options.length >= 2, {
        message: msg("schemas.eligibility.listTwoAnswers"),
        path: ["options"],
      })
      .refine((value) => value.qualifying.length > 0, {
        message: msg("schemas.eligibility.listQualifying"),
        path: ["qualifying"],
      })
      .refine((value) => value.qualifying.every((answer) => value.options.includes(answer)), {
        message: msg("schemas.eligibility.qualifyingAmong"),
        path: ["qualifying"],
      }),
    z.object({ intent: z.literal("remove"), questionId: z.uuid() }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

export type EligibilityQuestionInput = Omit<z.output<typeof EligibilityActionSchema> & { intent: "add" }, "intent">;
