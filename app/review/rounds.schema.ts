import { z } from "zod";
import { msg } from "~/i18n/message";
import { checkboxField } from "~/utils/form-fields";

const LocalDateTime = z
  .string({ error: msg("schemas.errors.enterDateTime") })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, msg("schemas.errors.enterDateTime"));

const ids = (message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.uuid(message), { error: message }).min(1, message).max(1000),
  );

/** Staff add the next round of a cycle. */
export const NewRoundSchema = z.object({
  intent: z.literal("create-round", { error: msg("forms.errors.unknownAction") }),
  name: z
    .string({ error: msg("schemas.rounds.nameRound") })
    .trim()
    .min(2, msg("schemas.errors.minChars", { count: 2 }))
    .max(80, msg("forms.errors.maxChars", { count: 80 })),
  reviewersPerApplication: z.coerce
    .number({ error: msg("schemas.errors.enterNumber") })
    .int(msg("schemas.errors.wholeNumber"))
    .min(1, msg("schemas.errors.atLeast", { min: 1 }))
    .max(10, msg("schemas.errors.atMost", { max: 10 })),
  blindReview: checkboxField,
  reviewDueAt: LocalDateTime.optional(),
  reviewerId: ids(msg("schemas.rounds.chooseReviewers")),
});

/** Staff advance applications from a round into the next, by one of three methods, saying why. */
export const AdvanceSchema = z
  .object({
    intent: z.literal("advance", { error: msg("forms.errors.unknownAction") }),
    toPosition: z.coerce.number().int().min(2, msg("schemas.rounds.roundAfterFirst")),
    method: z.enum(["top_n", "cut_off", "hand_picked"], { error: msg("schemas.rounds.chooseMethod") }),
    count: z.coerce
      .number({ error: msg("schemas.errors.enterNumber") })
      .int(msg("schemas.errors.wholeNumber"))
      .min(1, msg("schemas.errors.atLeast", { min: 1 }))
      .max(10_000)
      .optional(),
    minScore: z.coerce
      .number({ error: msg("schemas.rounds.enterScore") })
      .min(0, msg("schemas.errors.atLeast", { min: 0 }))
      .max(100, msg("schemas.errors.atMost", { max: 100 }))
      .optional(),
    applicationId: ids(msg("schemas.rounds.tickApplication")).optional(),
    reason: z
      .string({ error: msg("schemas.errors.sayWhy") })
      .trim()
      .min(3, msg("schemas.errors.sayWhy"))
      .max(1000, msg("forms.errors.maxChars", { count: 1000 })),
  })
  .superRefine((value, ctx) => {
    if (value.method === "top_n" && value.count === undefined)
      ctx.addIssue({ code: "custom", path: ["count"], message: msg("schemas.rounds.howMany") });
    if (value.method === "cut_off" && value.minScore === undefined)
      ctx.addIssue({ code: "custom", path: ["minScore"], message: msg("schemas.rounds.lowestScore") });
    if (value.method === "hand_picked" && !value.applicationId)
      ctx.addIssue({ code: "custom", path: ["applicationId"], message: msg("schemas.rounds.tickApplication") });
  });
