import { z } from "zod";

const ids = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z.array(z.uuid("Choose applications")).min(1, "Tick at least one application").max(1000),
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
  decision: z.enum(BULK_DECISIONS, { error: "Choose a decision" }),
  count: z.coerce.number({ error: "Confirm the count" }).int().min(1, "Nothing to mark on this filter").max(1_000_000),
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
      applicationId: z.uuid("Choose an application"),
      feedback: z.string().trim().max(2000, "Use at most 2000 characters").optional().default(""),
    }),
    z.object({
      intent: z.literal("release"),
      confirm: z.literal("on", { error: "Tick the box to confirm the release" }),
    }),
    z.object({ intent: z.literal("cancel-release") }),
    BulkDecisionSchema,
  ],
  { error: "That form action is not known." },
);
