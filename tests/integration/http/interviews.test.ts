import { beforeAll, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { bookSlot } from "~/interviews/bookings.server";
import { writeReport } from "~/fellowships/lifecycle.server";
import { createFellowshipFixture, reportsOf } from "../../support/fellowships";
import { parseCalendar } from "../../support/ical";
import { addSlot } from "../../support/interviews";
import { createMatchingFixture, type MatchingFixture } from "../../support/matching";
import { cookieHeader, createUser, describeServer, get, pageText, post, type TestUser } from "../../support/server";

describeServer("interviews, calendars and the fellowship year over HTTP", (t) => {
  let hostA: TestUser;
  let hostB: TestUser;
  let staff: TestUser;
  let market: MatchingFixture;
  const cookieOf = async (userId: string) =>
    cookieHeader(await startSession(t.server.db, t.server.config, userId, { userAgent: "http", clientAddress: null }));

  beforeAll(async () => {
    hostA = await createUser(t.server, { name: "Host A Person" });
    hostB = await createUser(t.server, { name: "Host B Person" });
    staff = await createUser(t.server, { staff: true });
    market = await createMatchingFixture(t.server.db, t.server.config, {
      finalists: 3,
      seats: [1, 1],
      partnerIds: [hostA.id, hostB.id],
    });
  });

  it("lets a finalist book in their own time zone; the last place goes once; another host never sees who booked", async () => {
    const [f0, f1] = market.finalists;
    const [positionA, positionB] = market.positions;
    const slotA = await addSlot(t.server.db, positionA!.id, { hours: 50 });
    const slotB = await addSlot(t.server.db, positionB!.id, { hours: 70 });
    const cookie = await cookieOf(f0!.id);
    const zone = await post(
      t.server,
      "/me/interviews",
      { intent: "save-timezone", timezone: "Africa/Lagos" },
      { cookie },
    );
    expect(zone.status).toBe(302);
    const badZone = await post(
      t.server,
      "/me/interviews",
      { intent: "save-timezone", timezone: "Mars/Olympus" },
      { cookie },
    );
    expect(badZone.status).toBe(400);
    expect(await pageText(badZone)).toContain("Use a time zone name such as");

    const booked = await post(
      t.server,
      "/me/interviews",
      { intent: "book", slotId: slotA.id, positionId: positionA!.id },
      { cookie },
    );
    expect(booked.status).toBe(302);
    const page = await pageText(await get(t.server, "/me/interviews", { cookie }));
    expect(page).toContain("Your interview:");
    // Lagos is an hour ahead of UTC all year.
    expect(page).toMatch(/GMT\+1/);

    const late = await post(
      t.server,
      "/me/interviews",
      { intent: "book", slotId: slotA.id, positionId: positionA!.id },
      { cookie: await cookieOf(f1!.id) },
    );
    expect(late.status).toBe(409);
    expect(await pageText(late)).toContain("Someone booked the last place of that time a moment ago");
    const notConsidered = await post(
      t.server,
      "/me/interviews",
      { intent: "book", slotId: slotA.id },
      { cookie: staff.cookie },
    );
    expect(notConsidered.status).toBe(404);
    const garbage = await post(t.server, "/me/interviews", { intent: "book", slotId: "nope" }, { cookie });
    expect(garbage.status).toBe(400);

    // f1 books with host B only: host A's pages show f1 as not booked and never host B's schedule.
    await bookSlot(t.server.db, t.server.config, { applicantId: f1!.id, slotId: slotB.id });
    const hostAPage = await get(t.server, `/partner/positions/${positionA!.id}/interviews`, { cookie: hostA.cookie });
    const hostAData = await (
      await get(t.server, `/partner/positions/${positionA!.id}/interviews.data`, { cookie: hostA.cookie })
    ).text();
    expect(hostAPage.status).toBe(200);
    const hostAText = await pageText(hostAPage);
    expect(hostAText).toContain(`Booked: ${f0!.name}`);
    expect(hostAText).toContain(`${f1!.name}: not booked`);
    for (const body of [hostAText, hostAData]) expect(body).not.toContain(slotB.id);
    expect(
      (await get(t.server, `/partner/positions/${positionB!.id}/interviews`, { cookie: hostA.cookie })).status,
    ).toBe(404);
    expect(
      (
        await post(
          t.server,
          `/partner/positions/${positionB!.id}/interviews`,
          { intent: "cancel-slot", slotId: slotB.id, message: "x" },
          { cookie: hostA.cookie },
        )
      ).status,
    ).toBe(404);
    // Host A cannot cancel host B's time through its own position either.
    const crossed = await post(
      t.server,
      `/partner/positions/${positionA!.id}/interviews`,
      { intent: "cancel-slot", slotId: slotB.id, message: "x" },
      { cookie: hostA.cookie },
    );
    expect(crossed.status).toBe(404);

    // The rank form shows the interview and asks to confirm ranking the one not interviewed.
    const rank = await post(
      t.server,
      `/partner/positions/${positionA!.id}`,
      { intent: "save-ranking", [`rank.${f0!.applicationId}`]: "1", [`rank.${f1!.applicationId}`]: "2" },
      { cookie: hostA.cookie },
    );
    expect(rank.status).toBe(400);
    const warning = await pageText(rank);
    expect(warning).toContain(`You have no interview booked with ${f1!.name}.`);
    expect(warning).not.toContain(`Rank ${f0!.name} without an interview`);
    const confirmed = await post(
      t.server,
      `/partner/positions/${positionA!.id}`,
      {
        intent: "save-ranking",
        [`rank.${f0!.applicationId}`]: "1",
        [`rank.${f1!.applicationId}`]: "2",
        withoutInterview: f1!.applicationId,
      },
      { cookie: hostA.cookie },
    );
    expect(confirmed.status).toBe(302);

    const overview = await pageText(
      await get(t.server, `/staff/cycles/${market.cycle.slug}/interviews`, { cookie: staff.cookie }),
    );
    expect(overview).toContain("1 of 3");
  });

  it("refuses bad slots, settings and cancellations with a message on the field", async () => {
    const position = market.positions[0]!;
    const path = `/partner/positions/${position.id}/interviews`;
    const cases: [Record<string, string>, number, string][] = [
      [
        { intent: "add-slots", startsAt: "2020-01-01T10:00", minutes: "30", capacity: "1" },
        400,
        "Choose a time in the future",
      ],
      [{ intent: "add-slots", startsAt: "soon", minutes: "30", capacity: "1" }, 400, "Enter a date and time"],
      [{ intent: "add-slots", startsAt: "2030-01-01T10:00", minutes: "3", capacity: "1" }, 400, "At least 5 minutes"],
      [
        { intent: "add-slots", startsAt: "2030-01-01T10:00", minutes: "30", capacity: "99" },
        400,
        "At most 20 finalists",
      ],
      [
        { intent: "cancel-slot", slotId: "00000000-0000-4000-8000-000000000000", message: "" },
        400,
        "Tell the finalists why",
      ],
      [
        { intent: "save-settings", version: "1", timezone: "Nowhere/Land", cutoffHours: "24" },
        400,
        "Use a time zone name",
      ],
      [
        { intent: "save-settings", version: "0", timezone: "UTC", cutoffHours: "24" },
        409,
        "A colleague changed this position",
      ],
      [{ intent: "invite-everyone" }, 400, "That form action is not known"],
    ];
    for (const [form, status, says] of cases) {
      const response = await post(t.server, path, form, { cookie: hostA.cookie });
      expect(response.status, JSON.stringify(form)).toBe(status);
      expect(await pageText(response)).toContain(says);
    }
    const added = await post(
      t.server,
      path,
      {
        intent: "add-slots",
        startsAt: "2030-01-01T10:00",
        minutes: "30",
        capacity: "2",
        count: "2",
        location: "Room 4",
      },
      { cookie: hostA.cookie },
    );
    expect(added.status).toBe(302);
    expect(await pageText(await get(t.server, path, { cookie: hostA.cookie }))).toContain("0 of 2 booked · Room 4");
  });

  it("serves a private calendar address that can be rotated and turned off; unknown ones answer 404", async () => {
    const [f0] = market.finalists;
    const cookie = await cookieOf(f0!.id);
    const created = await post(t.server, "/me/interviews", { intent: "create-feed" }, { cookie });
    expect(created.status).toBe(200);
    const url = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(await pageText(created))![0];
    const feed = await get(t.server, url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toContain("text/calendar");
    expect(feed.headers.get("Cache-Control")).toContain("no-store");
    const calendar = parseCalendar(await feed.text());
    expect(calendar.events.some((event) => event.summary.startsWith("Interview with Host"))).toBe(true);

    const rotated = await post(t.server, "/me/account", { intent: "create-feed" }, { cookie });
    const next = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(await pageText(rotated))![0];
    expect(next).not.toBe(url);
    expect((await get(t.server, url)).status).toBe(404);
    expect((await get(t.server, next)).status).toBe(200);
    expect((await post(t.server, "/me/interviews", { intent: "revoke-feed" }, { cookie })).status).toBe(302);
    expect((await get(t.server, next)).status).toBe(404);
    for (const unknown of ["/calendar/not-a-token.ics", `/calendar/${"A".repeat(43)}.ics`, "/calendar/abc"])
      expect((await get(t.server, unknown)).status, unknown).toBe(404);
    // The host's address lists its times with who booked them.
    const hostFeed = await post(t.server, "/me/account", { intent: "create-feed" }, { cookie: hostA.cookie });
    const hostUrl = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(await pageText(hostFeed))![0];
    const hostCalendar = parseCalendar(await (await get(t.server, hostUrl)).text());
    expect(hostCalendar.events.some((event) => event.summary === `Interview: ${f0!.name}`)).toBe(true);
  });

  it("shows hosts their own fellow's submitted reports only, and takes one report once", async () => {
    const fellowship = await createFellowshipFixture(t.server.db, t.server.config, { partnerIds: [hostA.id] });
    const other = await createFellowshipFixture(t.server.db, t.server.config, { partnerIds: [hostB.id] });
    const reports = await reportsOf(t.server.db, fellowship.fellowship.id);
    const cookie = await cookieOf(fellowship.fellow.id);
    const path = `/me/fellowship/reports/${reports[0]!.id}`;
    const [required, optional] = fellowship.questions;
    const missing = await post(
      t.server,
      path,
      { intent: "submit-report", version: String(reports[0]!.version), [`q_${optional!.id}`]: "x" },
      { cookie },
    );
    expect(missing.status).toBe(400);
    expect(await pageText(missing)).toContain("This question needs an answer");
    const form = {
      intent: "submit-report",
      version: String(reports[0]!.version),
      [`q_${required!.id}`]: "REPORT-ANSWER-A",
    };
    expect((await post(t.server, path, form, { cookie })).status).toBe(302);
    expect((await post(t.server, path, form, { cookie })).status).toBe(302);
    const submitted = await t.server.db
      .selectFrom("fellowshipReports")
      .select("status")
      .where("fellowshipId", "=", fellowship.fellowship.id)
      .where("status", "=", "submitted")
      .execute();
    expect(submitted).toHaveLength(1);
    // A draft of the next report stays the fellow's.
    await writeReport(t.server.db, t.server.config, {
      reportId: reports[1]!.id,
      fellowId: fellowship.fellow.id,
      answers: { [required!.id]: "DRAFT-NOT-FOR-HOSTS" },
      version: reports[1]!.version,
      submit: false,
    });
    expect((await get(t.server, path, { cookie: hostA.cookie })).status).toBe(404);

    const mine = `/partner/fellows/${fellowship.fellowship.id}`;
    const page = await pageText(await get(t.server, mine, { cookie: hostA.cookie }));
    const data = await (await get(t.server, `${mine}.data`, { cookie: hostA.cookie })).text();
    expect(page).toContain("REPORT-ANSWER-A");
    for (const body of [page, data]) expect(body).not.toContain("DRAFT-NOT-FOR-HOSTS");
    const list = await pageText(await get(t.server, "/partner/fellows", { cookie: hostA.cookie }));
    expect(list).toContain(`/partner/fellows/${fellowship.fellowship.id}`);
    expect(list).not.toContain(other.fellowship.id);
    expect((await get(t.server, `/partner/fellows/${other.fellowship.id}`, { cookie: hostA.cookie })).status).toBe(404);
    expect(
      (
        await post(
          t.server,
          `/partner/fellows/${other.fellowship.id}`,
          { intent: "comment", reportId: reports[0]!.id, body: "x" },
          { cookie: hostA.cookie },
        )
      ).status,
    ).toBe(404);
    const empty = await post(
      t.server,
      mine,
      { intent: "comment", reportId: reports[0]!.id, body: " " },
      { cookie: hostA.cookie },
    );
    expect(empty.status).toBe(400);
    expect(await pageText(empty)).toContain("Write a comment");
    expect(
      (
        await post(
          t.server,
          mine,
          { intent: "comment", reportId: reports[0]!.id, body: "Well done." },
          { cookie: hostA.cookie },
        )
      ).status,
    ).toBe(302);

    const dashboard = await pageText(await get(t.server, "/staff/fellowships?cohort=2025", { cookie: staff.cookie }));
    expect(dashboard).toContain(`/staff/fellowships/${fellowship.fellowship.id}`);
    expect(dashboard).toContain(`/staff/fellowships/${other.fellowship.id}`);
    const detail = await pageText(
      await get(t.server, `/staff/fellowships/${fellowship.fellowship.id}`, { cookie: staff.cookie }),
    );
    expect(detail).toContain("REPORT-ANSWER-A");
    expect(detail).toContain("Well done.");
    const end = await post(
      t.server,
      `/staff/fellowships/${other.fellowship.id}`,
      { intent: "end-early" },
      { cookie: staff.cookie },
    );
    expect(end.status).toBe(400);
    expect(await pageText(end)).toContain("Say why, for the record");
  });
});
