import { z } from "zod";

export const AssignmentActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("run-assignment") }),
    z.object({
      intent: z.literal("assign"),
      applicationId: z.uuid("Choose an application"),
      reviewerId: z.uuid("Choose a reviewer"),
    }),
    z.object({ intent: z.literal("unassign"), assignmentId: z.uuid("Choose an assignment") }),
    z.object({ intent: z.literal("send-reminders") }),
  ],
  { error: "That form action is not known." },
);

/** The forms of one application's page: add a reviewer found by search, or put one in another's place. */
export const ApplicationReviewerSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("assign"), reviewerId: z.uuid("Choose a reviewer") }),
    z.object({
      intent: z.literal("reassign"),
      reviewerId: z.uuid("Choose a reviewer"),
      assignmentId: z.uuid("Choose the assignment to replace"),
      version: z.coerce.number().int().min(1),
    }),
  ],
  { error: "That form action is not known." },
);
