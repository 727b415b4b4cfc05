import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location: string | null;
  attendees: string[];
  organizer: string | null;
}

export interface ParsedCalendar {
  method: string | null;
  events: ParsedEvent[];
}

/**
 * Reads an iCalendar file with ical.js (Mozilla's parser, as calendar apps do), so tests check
 * what a client would understand rather than how the text happens to be laid out.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") throw new Error(`not a calendar: ${calendar.name}`);
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (component.getFirstPropertyValue("status") as string | null) ?? null,
      summary: event.summary,
      start: start.toJSDate(),
      end: event.endDate ? event.endDate.toJSDate() : null,
      allDay: start.isDate,
      location: event.location ?? null,
      attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).replace(/^mailto:/i, "")),
      organizer: event.organizer ? String(event.organizer).replace(/^mailto:/i, "") : null,
    };
  });
  return { method: (calendar.getFirstPropertyValue("method") as string | null) ?? null, events };
}
