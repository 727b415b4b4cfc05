import { z } from "zod";
import { checkboxField } from "~/utils/form-fields";

const LocalDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time");

const ids = (message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.uuid(message), { error: message }).min(1, message).max(1000),
  );

/** Staff add the next round of a cycle. */
export const NewRoundSchema = z.object({
  intent: z.literal("create-round", { error: "That form action is not known." }),
  name: z
    .string({ error: "Name the round" })
    .trim()
    .min(2, "Use at least 2 characters")
    .max(80, "Use at most 80 characters"),
  reviewersPerApplication: z.coerce
    .number({ error: "Enter a number" })
    .int("Enter a whole number")
    .min(1, "At least 1")
    .max(10, "At most 10"),
  blindReview: checkboxField,
  reviewDueAt: LocalDateTime.optional(),
  reviewerId: ids("Choose at least one reviewer for the round"),
});

/** Staff advance applications from a round into the next, by one of three methods, saying why. */
export const AdvanceSchema = z
  .object({
    intent: z.literal("advance", { error: "That form action is not known." }),
    toPosition: z.coerce.number().int().min(2, "Choose a round after the first"),
    method: z.enum(["top_n", "cut_off", "hand_picked"], { error: "Choose how to pick the applications" }),
    count: z.coerce
      .number({ error: "Enter a number" })
      .int("Enter a whole number")
      .min(1, "At least 1")
      .max(10_000)
      .optional(),
    minScore: z.coerce.number({ error: "Enter a score" }).min(0, "At least 0").max(100, "At most 100").optional(),
    applicationId: ids("Tick at least one application").optional(),
    reason: z
      .string({ error: "Say why, for the record" })
      .trim()
      .min(3, "Say why, for the record")
      .max(1000, "Use at most 1000 characters"),
  })
  .superRefine((value, ctx) => {
    if (value.method === "top_n" && value.count === undefined)
      ctx.addIssue({ code: "custom", path: ["count"], message: "Enter how many to advance" });
    if (value.method === "cut_off" && value.minScore === undefined)
      ctx.addIssue({ code: "custom", path: ["minScore"], message: "Enter the lowest calibrated score to advance" });
    if (value.method === "hand_picked" && !value.applicationId)
      ctx.addIssue({ code: "custom", path: ["applicationId"], message: "Tick at least one application" });
  });
