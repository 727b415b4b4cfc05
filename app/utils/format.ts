/** Dates as people read them, in a given time zone (the viewer's or a cycle's). */
export function formatDateTime(value: Date | string, timeZone = "UTC", locale = "en-GB"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

export function formatDate(value: Date | string, timeZone = "UTC", locale = "en-GB"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}
