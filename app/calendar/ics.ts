import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * iCalendar (RFC 5545) files, written by ical-generator rather than by hand: folding, escaping
 * and date formats are where hand-written calendars break in one client or another.
 */

const PRODUCT = { company: "Open Web Fellows", product: "Fellowship portal", language: "EN" };

export interface Person {
  name: string;
  email: string;
}

export interface Invitation {
  /** Stable for the life of the meeting: a change or cancellation replaces the event with this UID. */
  uid: string;
  /** Grows with every change, so calendars apply updates in order and ignore stale ones. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  minutes: number;
  summary: string;
  description: string;
  location: string;
  organizer: Person;
  attendees: Person[];
}

/** One meeting as an email attachment: METHOD:REQUEST invites or updates it, METHOD:CANCEL removes it. */
export function invitationIcs(invite: Invitation): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: invite.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    start: invite.start,
    end: new Date(invite.start.getTime() + invite.minutes * 60_000),
    summary: invite.summary,
    description: invite.description,
    location: invite.location || null,
    status: invite.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invite.organizer,
    attendees: invite.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    })),
  });
  return calendar.toString();
}

export interface FeedEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** A moment (deadline, interview) or, with `allDay`, a date. */
  start: Date;
  minutes?: number;
  allDay?: boolean;
}

/** A subscribed calendar: everything dated that concerns one person. */
export function feedIcs(name: string, events: FeedEvent[]): string {
  const calendar = ical({ prodId: PRODUCT, name, ttl: 60 * 60 });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: event.start,
      end: event.allDay ? null : new Date(event.start.getTime() + (event.minutes ?? 0) * 60_000),
      allDay: event.allDay ?? false,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location || null,
      url: event.url ?? null,
    });
  }
  return calendar.toString();
}

/** The address part of "Name <address>" (the sender configured in MAIL_FROM). */
export function mailboxOf(from: string): Person {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1]!.trim() || match[2]!, email: match[2]! };
  return { name: from.trim(), email: from.trim() };
}
