import { z } from "zod";
import { msg } from "~/i18n/message";

export const AssignmentActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("run-assignment") }),
    z.object({
      intent: z.literal("assign"),
      applicationId: z.uuid(msg("selection.errors.chooseApplication")),
      reviewerId: z.uuid(msg("selection.errors.chooseReviewer")),
    }),
    z.object({ intent: z.literal("unassign"), assignmentId: z.uuid(msg("selection.errors.chooseAssignment")) }),
    z.object({ intent: z.literal("send-reminders") }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

/** The forms of one application's page: add a reviewer found by search, or put one in another's place. */
export const ApplicationReviewerSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("assign"), reviewerId: z.uuid(msg("selection.errors.chooseReviewer")) }),
    z.object({
      intent: z.literal("reassign"),
      reviewerId: z.uuid(msg("selection.errors.chooseReviewer")),
      assignmentId: z.uuid(msg("selection.errors.chooseReplaced")),
      version: z.coerce.number().int().min(1),
    }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
