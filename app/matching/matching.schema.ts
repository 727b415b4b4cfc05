import { z } from "zod";
import { msg } from "~/i18n/message";

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
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg("selection.errors.dateTime"))
            .optional(),
        ),
    }),
    z.object({ intent: z.literal("dry-run") }),
    z.object({
      intent: z.literal("publish"),
      confirm: z.literal("on", { error: msg("selection.errors.confirmPublish") }),
    }),
    z.object({ intent: z.literal("send-reminders") }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
