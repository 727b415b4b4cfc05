import { randomBytes } from "node:crypto";

/** A unique, valid email for one test (usable from Vitest and Playwright alike). */
export function uniqueEmail(label = "person"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.org`;
}
