import { z } from "zod";

const ids = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z.array(z.uuid("Choose letters of intent")).min(1, "Tick at least one letter of intent").max(1000),
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
      confirm: z.literal("on", { error: "Tick the box to confirm the release" }),
    }),
    z.object({ intent: z.literal("cancel-release") }),
  ],
  { error: "That form action is not known." },
);
