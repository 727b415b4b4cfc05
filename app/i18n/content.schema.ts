import { z } from "zod";
import { LANGUAGES } from "./languages";
import { msg } from "./message";

const text = (max: number) =>
  z.string().trim().max(max, msg("staff.translations.maxChars", { max })).optional().default("");

/**
 * The "Translations" form of one staff-written item in one language (a question, an eligibility
 * question, a cycle's description, a campaign's summary). A field left empty falls back to the
 * original; all of them empty removes the translation.
 */
export const TranslationSchema = z.object({
  intent: z.literal("translate"),
  itemId: z.uuid({ error: msg("staff.translations.itemMissing") }),
  language: z.enum(LANGUAGES, { error: msg("staff.translations.chooseLanguage") }),
  label: text(500),
  help: text(2000),
  /** The choices, one per line, in the original's order. */
  options: text(5000),
  reason: text(1000),
  description: text(10000),
  summary: text(5000),
});

export type TranslationInput = z.infer<typeof TranslationSchema>;
