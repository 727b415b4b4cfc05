import { z } from "zod";
import { msg } from "~/i18n/message";

/** A checkbox: ticked sends "on", unticked sends nothing. */
export const checkboxField = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

function distinct(parts: string[], maxItems: number, maxLength: number): string[] {
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))]
    .slice(0, maxItems)
    .map((part) => part.slice(0, maxLength));
}

/** "policy, security, open web" → ["policy", "security", "open web"] (distinct, bounded). */
export function commaListField({ maxItems = 20, maxLength = 60 } = {}) {
  return z
    .string()
    .max(1000, msg("forms.errors.maxChars", { count: 1000 }))
    .optional()
    .transform((value) => distinct((value ?? "").split(","), maxItems, maxLength));
}

/** One entry per line (names, options), distinct and bounded. */
export function lineListField({ maxItems = 50, maxLength = 200, maxChars = 5000 } = {}) {
  return z
    .string()
    .max(maxChars, msg("forms.errors.maxChars", { count: maxChars }))
    .optional()
    .transform((value) => distinct((value ?? "").split("\n"), maxItems, maxLength));
}
