import { sql } from "kysely";
import type { DB } from "#db/client";
import { expect, it } from "vitest";
import { bookSlot, cancelBooking, cancelSlot } from "~/interviews/bookings.server";
import { rankedWithoutInterview } from "~/interviews/overview.server";
import { sendInterviewReminders } from "~/interviews/reminders.server";
import { addSlots, inviteFinalists, type HostPosition } from "~/interviews/slots.server";
import { exportMyData } from "~/privacy/privacy.server";
import { releaseProgramWork } from "~/privacy/program-work.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { parseCalendar } from "../support/ical";
import { addFinalists, addSlot, calendarEmailsTo } from "../support/interviews";
import { createMatchingFixture } from "../support/matching";

const config = loadConfig({
  SESSION_SECRET: "integration-secret-long-enough-for-hmac-use",
  APP_URL: "https://fellows.example.org",
});

function calendarOf(email: { attachments: { contentType: string; content: string }[] | null }) {
  const file = email.attachments?.find((attachment) => attachment.contentType.startsWith("text/calendar"));
  if (!file) throw new Error("no calendar file");
  return parseCalendar(file.content);
}

async function hostPosition(t: { db: DB }, positionId: string): Promise<HostPosition> {
  const row = await t.db
    .selectFrom("positions")
    .innerJoin("organizations", "organizations.id", "positions.organizationId")
    .select([
      "positions.id",
      "positions.title",
      "positions.interviewTimezone",
      "positions.interviewCutoffHours",
      "positions.version",
      "organizations.name as organizationName",
    ])
    .where("positions.id", "=", positionId)
    .executeTakeFirstOrThrow();
  return row;
}

describeDb("interview booking", (t) => {
  it("gives the last place of a time to exactly one of fifty finalists booking at once", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const position = fixture.positions[0]!;
    const finalists = await addFinalists(t.db, fixture.cycle.id, position.id, 50);
    const slot = await addSlot(t.db, position.id, { capacity: 1 });
    const results = await Promise.all(
      finalists.map((finalist) => bookSlot(t.db, config, { applicantId: finalist.id, slotId: slot.id })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(49);
    for (const result of refused) expect(result).toMatchObject({ ok: false, status: 409, reason: "slot_full" });
    const booked = await t.db
      .selectFrom("interviewBookings")
      .select(["applicationId", "seat"])
      .where("slotId", "=", slot.id)
      .where("status", "=", "booked")
      .execute();
    expect(booked).toHaveLength(1);
    expect(booked[0]!.seat).toBe(1);
  });

  it("fills a group time seat by seat and no further", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const position = fixture.positions[0]!;
    const finalists = await addFinalists(t.db, fixture.cycle.id, position.id, 12);
    const slot = await addSlot(t.db, position.id, { capacity: 3 });
    const results = await Promise.all(
      finalists.map((finalist) => bookSlot(t.db, config, { applicantId: finalist.id, slotId: slot.id })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    const seats = await t.db
      .selectFrom("interviewBookings")
      .select("seat")
      .where("slotId", "=", slot.id)
      .where("status", "=", "booked")
      .orderBy("seat")
      .execute();
    expect(seats.map((row) => row.seat)).toEqual([1, 2, 3]);
  });

  it("books, moves and cancels with one calendar UID and a growing sequence, for the finalist and the host", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const [finalist] = fixture.finalists;
    const position = fixture.positions[0]!;
    const partnerEmail = fixture.organizations[0]!.partnerEmail;
    const first = await addSlot(t.db, position.id, { hours: 48 });
    const second = await addSlot(t.db, position.id, { hours: 96, minutes: 30 });

    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: first.id })).toMatchObject({
      ok: true,
      change: "booked",
    });
    // The same time again (a resubmit) changes nothing and sends nothing.
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: first.id })).toMatchObject({
      ok: true,
      change: "unchanged",
    });
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: second.id })).toMatchObject({
      ok: true,
      change: "moved",
    });
    expect(await cancelBooking(t.db, config, { applicantId: finalist!.id, positionId: position.id })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await cancelBooking(t.db, config, { applicantId: finalist!.id, positionId: position.id })).toEqual({
      ok: true,
      changed: false,
    });

    for (const recipient of [finalist!.email, partnerEmail]) {
      const emails = await calendarEmailsTo(t.db, recipient);
      expect(emails.map((email) => email.subject.split(":")[0])).toEqual([
        "Interview booked",
        "Interview moved",
        "Interview cancelled",
      ]);
      const calendars = emails.map(calendarOf);
      expect(calendars.map((calendar) => calendar.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
      const events = calendars.map((calendar) => calendar.events[0]!);
      expect(new Set(events.map((event) => event.uid)).size).toBe(1);
      expect(events[0]!.uid).toMatch(/^interview-[0-9a-f-]+@fellows\.example\.org$/);
      expect(events.map((event) => event.sequence)).toEqual([0, 1, 2]);
      expect(events[0]!.start.getTime()).toBe(first.startsAt.getTime());
      expect(events[1]!.start.getTime()).toBe(second.startsAt.getTime());
      expect(events[1]!.end!.getTime() - events[1]!.start.getTime()).toBe(30 * 60_000);
      expect(events[2]!.status).toBe("CANCELLED");
      expect(events[0]!.attendees.map((a) => a.toLowerCase()).sort()).toEqual(
        [finalist!.email, partnerEmail].map((a) => a.toLowerCase()).sort(),
      );
    }
  });

  it("refuses a position that does not consider the finalist (404), a time past the cut-off or gone, and a closed cycle", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const other = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const [finalist] = fixture.finalists;
    const position = fixture.positions[0]!;
    const foreign = await addSlot(t.db, other.positions[0]!.id);
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: foreign.id })).toMatchObject({
      ok: false,
      status: 404,
      reason: "not_considered",
    });
    expect(
      await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: "00000000-0000-0000-0000-000000000000" }),
    ).toMatchObject({ ok: false, status: 404, reason: "not_considered" });

    const soon = await addSlot(t.db, position.id, { hours: 10 });
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: soon.id })).toMatchObject({
      ok: false,
      status: 409,
      reason: "past_cutoff",
    });
    const past = await addSlot(t.db, position.id, { hours: -2 });
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: past.id })).toMatchObject({
      ok: false,
      status: 409,
      reason: "slot_past",
    });
    // A booking cannot be moved or cancelled within the cut-off either.
    await t.db.updateTable("positions").set({ interviewCutoffHours: 0 }).where("id", "=", position.id).execute();
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: soon.id })).toMatchObject({ ok: true });
    await t.db.updateTable("positions").set({ interviewCutoffHours: 24 }).where("id", "=", position.id).execute();
    const later = await addSlot(t.db, position.id, { hours: 100 });
    expect(await bookSlot(t.db, config, { applicantId: finalist!.id, slotId: later.id })).toMatchObject({
      ok: false,
      reason: "past_cutoff",
    });
    expect(await cancelBooking(t.db, config, { applicantId: finalist!.id, positionId: position.id })).toMatchObject({
      ok: false,
      reason: "past_cutoff",
    });

    // Once the match is published, interviews are closed.
    const [, second] = fixture.finalists;
    await t.db
      .insertInto("matchRuns")
      .values({
        cycleId: fixture.cycle.id,
        inputs: "{}",
        result: "{}",
        hostOptimal: "{}",
        blockingPairs: 0,
        publishedAt: sql`now()`,
      })
      .execute();
    expect(await bookSlot(t.db, config, { applicantId: second!.id, slotId: later.id })).toMatchObject({
      ok: false,
      status: 409,
      reason: "not_open",
    });
  });

  it("lets the host cancel a time with a message: those booked are told and may book another", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const [a, b] = fixture.finalists;
    const position = fixture.positions[0]!;
    const group = await addSlot(t.db, position.id, { capacity: 2 });
    const spare = await addSlot(t.db, position.id, { hours: 120 });
    await bookSlot(t.db, config, { applicantId: a!.id, slotId: group.id });
    await bookSlot(t.db, config, { applicantId: b!.id, slotId: group.id });
    const input = {
      actorId: fixture.organizations[0]!.partnerId,
      positionId: position.id,
      slotId: group.id,
      message: "Our director is travelling that day.",
    };
    // Another position's host cannot cancel it.
    expect(
      await cancelSlot(t.db, config, { ...input, positionId: "00000000-0000-0000-0000-000000000000" }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await cancelSlot(t.db, config, input)).toEqual({ ok: true, changed: true });
    expect(await cancelSlot(t.db, config, input)).toEqual({ ok: true, changed: false });
    for (const finalist of [a!, b!]) {
      const emails = await calendarEmailsTo(t.db, finalist.email);
      expect(emails).toHaveLength(2);
      expect(emails[1]!.text).toContain("Our director is travelling that day.");
      expect(calendarOf(emails[1]!)).toMatchObject({ method: "CANCEL" });
    }
    expect(await bookSlot(t.db, config, { applicantId: a!.id, slotId: group.id })).toMatchObject({
      ok: false,
      reason: "slot_cancelled",
    });
    expect(await bookSlot(t.db, config, { applicantId: a!.id, slotId: spare.id })).toMatchObject({
      ok: true,
      change: "booked",
    });
    // Rebooking keeps the meeting's UID and raises its sequence past the cancellation.
    const last = calendarOf((await calendarEmailsTo(t.db, a!.email)).at(-1)!).events[0]!;
    expect(last.sequence).toBe(2);
  });

  it("sends each side one reminder the day before, however often and by however many processes the job runs", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const [a, b] = fixture.finalists;
    const position = fixture.positions[0]!;
    await t.db.updateTable("positions").set({ interviewCutoffHours: 0 }).where("id", "=", position.id).execute();
    const tomorrow = await addSlot(t.db, position.id, { hours: 20 });
    const later = await addSlot(t.db, position.id, { hours: 60 });
    await bookSlot(t.db, config, { applicantId: a!.id, slotId: tomorrow.id });
    await bookSlot(t.db, config, { applicantId: b!.id, slotId: later.id });
    await Promise.all([
      sendInterviewReminders(t.db, config),
      sendInterviewReminders(t.db, config),
      sendInterviewReminders(t.db, config),
    ]);
    await sendInterviewReminders(t.db, config);
    const reminders = await t.db
      .selectFrom("emailOutbox")
      .select("recipient")
      .where("template", "=", "interview-reminder")
      .where("recipient", "in", [a!.email, b!.email, fixture.organizations[0]!.partnerEmail])
      .execute();
    expect(reminders.map((row) => row.recipient).sort()).toEqual(
      [a!.email, fixture.organizations[0]!.partnerEmail].sort(),
    );
    // A day later the second interview is due its reminder too.
    const sent = await sendInterviewReminders(t.db, config, { at: new Date(Date.now() + 40 * 60 * 60 * 1000) });
    expect(sent).toBe(2);
  });
});

describeDb("interviews when a finalist deletes their account", (t) => {
  it("frees their interview time for another finalist", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const [leaving, staying] = fixture.finalists;
    const slot = await addSlot(t.db, fixture.positions[0]!.id);
    await bookSlot(t.db, config, { applicantId: leaving!.id, slotId: slot.id });
    expect(await bookSlot(t.db, config, { applicantId: staying!.id, slotId: slot.id })).toMatchObject({
      reason: "slot_full",
    });
    await t.db.transaction().execute((trx) => releaseProgramWork(trx, leaving!.id));
    expect(await bookSlot(t.db, config, { applicantId: staying!.id, slotId: slot.id })).toMatchObject({ ok: true });
    const exported = await exportMyData(t.db, staying!.id);
    expect(exported.interviews).toEqual([
      expect.objectContaining({ status: "booked", positionId: fixture.positions[0]!.id }),
    ]);
  });
});

describeDb("interview times and invitations", (t) => {
  it("adds times in the host's time zone, refuses the past, and keeps one of a time added twice", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const positionId = fixture.positions[0]!.id;
    await t.db
      .updateTable("positions")
      .set({ interviewTimezone: "America/Bogota" })
      .where("id", "=", positionId)
      .execute();
    const position = await hostPosition(t, positionId);
    const input = { startsAt: "2030-03-04T09:00", minutes: 30, capacity: 1, count: 3, location: "" };
    expect(await addSlots(t.db, fixture.staffId, position, input)).toEqual({
      ok: true,
      count: 3,
    });
    expect(await addSlots(t.db, fixture.staffId, position, input)).toEqual({
      ok: true,
      count: 0,
    });
    const slots = await t.db
      .selectFrom("interviewSlots")
      .select("startsAt")
      .where("positionId", "=", positionId)
      .orderBy("startsAt")
      .execute();
    // 09:00 in Bogotá is 14:00 UTC; the times follow each other.
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      "2030-03-04T14:00:00.000Z",
      "2030-03-04T14:30:00.000Z",
      "2030-03-04T15:00:00.000Z",
    ]);
    // Whoever added times finds them in their data export (which times, not who booked them).
    const exported = await exportMyData(t.db, fixture.staffId);
    expect(exported.interviewTimesAdded.map((slot) => [slot.position, slot.startsAt.toISOString()])).toEqual(
      slots.map((slot) => ["Position 1", slot.startsAt.toISOString()]),
    );
    expect(await addSlots(t.db, fixture.staffId, position, { ...input, startsAt: "2020-01-01T09:00" })).toMatchObject({
      ok: false,
      status: 400,
      field: "startsAt",
    });
  });

  it("invites each finalist once, and only when there is a time to book", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 2, seats: [1] });
    const position = await hostPosition(t, fixture.positions[0]!.id);
    const actor = fixture.organizations[0]!.partnerId;
    expect(await inviteFinalists(t.db, config, actor, position)).toMatchObject({ ok: false, status: 409 });
    await addSlot(t.db, position.id);
    expect(await inviteFinalists(t.db, config, actor, position)).toEqual({ ok: true, invited: 2 });
    expect(await inviteFinalists(t.db, config, actor, position)).toEqual({ ok: true, invited: 0 });
    for (const finalist of fixture.finalists) {
      const invitations = await t.db
        .selectFrom("emailOutbox")
        .select("text")
        .where("recipient", "=", finalist.email)
        .where("template", "=", "interview-invitation")
        .execute();
      expect(invitations).toHaveLength(1);
      expect(invitations[0]!.text).toContain("https://fellows.example.org/me/interviews");
    }
  });

  it("names the finalists ranked without an interview", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 3, seats: [1] });
    const position = fixture.positions[0]!;
    const [a, b, c] = fixture.finalists;
    const slot = await addSlot(t.db, position.id);
    await bookSlot(t.db, config, { applicantId: a!.id, slotId: slot.id });
    const order = [a!.applicationId, b!.applicationId, c!.applicationId];
    expect(await rankedWithoutInterview(t.db, position.id, order)).toEqual([b!.applicationId, c!.applicationId]);
    expect(await rankedWithoutInterview(t.db, position.id, [])).toEqual([]);
  });
});
