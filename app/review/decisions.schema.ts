import { z } from "zod";

const ids = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z.array(z.uuid("Choose applications")).min(1, "Tick at least one application").max(1000),
);

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
  ],
  { error: "That form action is not known." },
);
