/**
 * Accepts only a path on this site for redirects after sign-in and the like. Anything that a
 * browser could read as another origin (`//x`, `/\x`, a scheme, control characters) falls back.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith("/")) return fallback;
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil" or "/\t/evil" is "//evil".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  if (to.startsWith("//")) return fallback;
  try {
    const url = new URL(to, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return fallback;
  } catch {
    return fallback;
  }
  return to;
}
