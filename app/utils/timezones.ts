/** Time zone arithmetic with the platform's Intl data only (no time zone library needed). */

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in minutes (e.g. -240 for New York in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (`2027-04-20T17:00`, as a datetime-local input gives it) names
 * in a zone. Around daylight-saving changes it does what Temporal's "compatible" option does: a
 * repeated hour gives the earlier instant, a skipped hour the instant just after the jump.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wall)) return null;
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  const second = wall - offsetMinutes(first, timeZone) * 60_000;
  const candidates = [...new Set([first, second])].sort((a, b) => a - b);
  const exact = candidates.find((instant) => utcToZonedLocal(new Date(instant), timeZone) === local.slice(0, 16));
  return new Date(exact ?? candidates.at(-1)!);
}

/** The wall-clock time of an instant in a zone, formatted for a datetime-local input. */
export function utcToZonedLocal(date: Date | string, timeZone: string): string {
  const instant = new Date(date).getTime();
  const shifted = new Date(instant + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
