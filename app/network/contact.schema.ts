import { z } from "zod";
import { msg } from "~/i18n/message";

export const ContactRequestSchema = z.object({
  intent: z.literal("contact", { error: msg("forms.errors.unknownAction") }),
  message: z
    .string({ error: msg("allyProfile.errors.writeMessage") })
    .trim()
    .min(20, msg("allyProfile.errors.sayMore"))
    .max(2000, msg("forms.errors.maxChars", { count: 2000 })),
});

export const ContactAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: msg("forms.errors.unknownAction") }),
  requestId: z.uuid(msg("allyProfile.errors.chooseMessage")),
});
