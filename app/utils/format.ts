const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

/** Dates as people read them, in a given time zone (the viewer's or a cycle's). */
export function formatDateTime(value: Date | string, timeZone = "UTC", locale = "en-GB"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone }).format(date);
}

export function formatDate(value: Date | string, timeZone = "UTC", locale = "en-GB"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}

/** A time of day with its zone, e.g. "15:31 UTC": for moments within the next hours. */
export function formatTime(value: Date | string, timeZone = "UTC", locale = "en-GB"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(date);
}

export function formatNumber(value: number, locale = "en-GB"): string {
  return new Intl.NumberFormat(locale).format(value);
}
