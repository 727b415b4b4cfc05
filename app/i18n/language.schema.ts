import { z } from "zod";
import { LANGUAGES } from "./languages";

/** The language switcher's form (the footer of every page, and /language without JavaScript). */
export const LanguageSchema = z.object({
  language: z.enum(LANGUAGES),
  redirectTo: z.string().max(2048).optional(),
});
