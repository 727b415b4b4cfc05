import { describe, expect, it } from "vitest";
import { feedIcs, invitationIcs, mailboxOf } from "~/calendar/ics";
import { parseCalendar } from "../../support/ical";

const invite = {
  uid: "interview-42@fellows.example.org",
  sequence: 0,
  method: "REQUEST" as const,
  start: new Date("2026-12-14T15:00:00Z"),
  minutes: 45,
  summary: "Interview: Adaeze Nwosu and Fundación Datos Libres",
  description: "Surveillance research fellow, a long description; with commas, semicolons and a line\nbreak",
  location: "https://meet.example.org/datos-libres",
  organizer: { name: "Open Web Fellows", email: "fellowships@example.org" },
  attendees: [
    { name: "Adaeze Nwosu", email: "adaeze@example.org" },
    { name: "Lena Fischer", email: "lena@example.org" },
  ],
};

describe("calendar invitations", () => {
  it("invites to a meeting a calendar can read: method, UID, sequence, times, people", () => {
    const calendar = parseCalendar(invitationIcs(invite));
    expect(calendar.method).toBe("REQUEST");
    expect(calendar.events).toHaveLength(1);
    const [event] = calendar.events;
    expect(event).toMatchObject({
      uid: "interview-42@fellows.example.org",
      sequence: 0,
      status: "CONFIRMED",
      summary: invite.summary,
      location: invite.location,
      organizer: "fellowships@example.org",
      allDay: false,
    });
    expect(event!.start.toISOString()).toBe("2026-12-14T15:00:00.000Z");
    expect(event!.end!.toISOString()).toBe("2026-12-14T15:45:00.000Z");
    expect(event!.attendees.sort()).toEqual(["adaeze@example.org", "lena@example.org"]);
  });

  it("moves a meeting under the same UID with a higher sequence, and cancels it the same way", () => {
    const moved = parseCalendar(invitationIcs({ ...invite, sequence: 1, start: new Date("2026-12-15T09:30:00Z") }))
      .events[0]!;
    expect(moved.uid).toBe(invite.uid);
    expect(moved.sequence).toBe(1);
    expect(moved.start.toISOString()).toBe("2026-12-15T09:30:00.000Z");
    const cancelled = parseCalendar(invitationIcs({ ...invite, sequence: 2, method: "CANCEL" }));
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.events[0]).toMatchObject({ uid: invite.uid, sequence: 2, status: "CANCELLED" });
  });

  it("keeps long or awkward text intact through folding and escaping", () => {
    const summary = `Interview: ${"Ñandú ".repeat(30)}; with, commas`;
    const event = parseCalendar(invitationIcs({ ...invite, summary })).events[0]!;
    expect(event.summary).toBe(summary);
  });
});

describe("calendar feeds", () => {
  it("lists moments and whole days", () => {
    const calendar = parseCalendar(
      feedIcs("Open Web Fellows", [
        { uid: "deadline@x", summary: "Ranking deadline", start: new Date("2026-12-20T22:00:00Z") },
        { uid: "report@x", summary: "Monthly check-in due", start: new Date("2026-12-15T00:00:00Z"), allDay: true },
      ]),
    );
    expect(calendar.events.map((event) => event.uid)).toEqual(["deadline@x", "report@x"]);
    expect(calendar.events[0]!.start.toISOString()).toBe("2026-12-20T22:00:00.000Z");
    expect(calendar.events[1]!.allDay).toBe(true);
    expect(calendar.events[1]!.start.getDate()).toBe(15);
  });
});

describe("the sender as organizer", () => {
  it("reads a name and address, or a bare address", () => {
    expect(mailboxOf("Open Web Fellows <fellowships@localhost>")).toEqual({
      name: "Open Web Fellows",
      email: "fellowships@localhost",
    });
    expect(mailboxOf("fellowships@example.org")).toEqual({
      name: "fellowships@example.org",
      email: "fellowships@example.org",
    });
  });
});
