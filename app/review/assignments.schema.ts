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
