import { z } from "zod";

export const MatchingActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("set-deadline"),
      rankingDeadline: z
        .string()
        .optional()
        .transform((value) => value || undefined)
        .pipe(
          z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time")
            .optional(),
        ),
    }),
    z.object({ intent: z.literal("dry-run") }),
    z.object({
      intent: z.literal("publish"),
      confirm: z.literal("on", { error: "Tick the box to confirm publishing" }),
    }),
    z.object({ intent: z.literal("send-reminders") }),
  ],
  { error: "That form action is not known." },
);
