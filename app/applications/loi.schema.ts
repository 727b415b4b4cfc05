import { z } from "zod";
import { msg } from "~/i18n/message";

const ids = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.uuid(msg("schemas.loi.chooseLetters")))
    .min(1, msg("schemas.loi.tickLetter"))
    .max(1000),
);

/** The staff page of a cycle's letters of intent: invite, mark "not invited", and release those. */
export const LetterActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite"), applicationId: ids }),
    z.object({ intent: z.literal("mark-not-invited"), applicationId: ids }),
    z.object({ intent: z.literal("clear"), applicationId: ids }),
    z.object({
      intent: z.literal("release"),
      confirm: z.literal("on", { error: msg("schemas.loi.confirmRelease") }),
    }),
    z.object({ intent: z.literal("cancel-release") }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
