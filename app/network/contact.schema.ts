import { z } from "zod";

export const ContactRequestSchema = z.object({
  intent: z.literal("contact", { error: "That form action is not known." }),
  message: z
    .string({ error: "Write a message" })
    .trim()
    .min(20, "Say a little more: at least 20 characters")
    .max(2000, "Use at most 2000 characters"),
});

export const ContactAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: "That form action is not known." }),
  requestId: z.uuid("Choose a message"),
});
