import { z } from "zod";
import { msg } from "~/i18n/message";

const ids = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.uuid(msg("selection.errors.chooseApplications")))
    .min(1, msg("selection.errors.tickOne"))
    .max(1000),
);

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number().pipe(schema).optional(),
  );

/** The decisions list's filter (query string), shared by the page and by "all on this filter". */
export const DecisionFilterSchema = z.object({
  show: z.enum(["all", "undecided", "marked", "released"]).catch("all").default("all"),
  round: optionalNumber(z.number().int().min(1).max(100)).catch(undefined),
  min: optionalNumber(z.number().min(0).max(100)).catch(undefined),
  max: optionalNumber(z.number().min(0).max(100)).catch(undefined),
});
export type DecisionFilter = z.infer<typeof DecisionFilterSchema>;

export const BULK_DECISIONS = ["finalist", "waitlisted", "not_selected", "clear"] as const;

/** "Mark all N on this filter": the decision, the filter, and the count the staff member confirmed. */
export const BulkDecisionSchema = DecisionFilterSchema.extend({
  intent: z.literal("bulk"),
  decision: z.enum(BULK_DECISIONS, { error: msg("selection.errors.chooseDecision") }),
  count: z.coerce
    .number({ error: msg("selection.errors.confirmCount") })
    .int()
    .min(1, msg("selection.errors.nothingToMark"))
    .max(1_000_000),
});

export const DecisionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("mark-finalist"), applicationId: ids }),
    z.object({ intent: z.literal("mark-waitlisted"), applicationId: ids }),
    z.object({ intent: z.literal("mark-not-selected"), applicationId: ids }),
    z.object({ intent: z.literal("clear"), applicationId: ids }),
    z.object({
      intent: z.literal("feedback"),
      applicationId: z.uuid(msg("selection.errors.chooseApplication")),
      feedback: z
        .string()
        .trim()
        .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
        .optional()
        .default(""),
    }),
    z.object({
      intent: z.literal("release"),
      confirm: z.literal("on", { error: msg("selection.errors.confirmRelease") }),
    }),
    z.object({ intent: z.literal("cancel-release") }),
    BulkDecisionSchema,
  ],
  { error: msg("forms.errors.unknownAction") },
);
