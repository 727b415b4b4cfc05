import { sql } from "kysely";
import { expect, it } from "vitest";
import { loadRoles } from "~/auth/roles.server";
import { addReportComment } from "~/fellowships/comments.server";
import { addDays } from "~/fellowships/lifecycle";
import { completeEndedFellowships, setAlumniListing, today, writeReport } from "~/fellowships/lifecycle.server";
import { sendReportReminders } from "~/fellowships/reminders.server";
import { writeReportForm } from "~/fellowships/schedule.server";
import { alumniCohorts, fellowshipDetail, hostFellows, staffDashboard } from "~/fellowships/views.server";
import { answerPlacement } from "~/matching/publish.server";
import { exportMyData } from "~/privacy/export.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../support/db";
import { createFellowshipFixture, reportsOf } from "../support/fellowships";
import { createMatchingFixture } from "../support/matching";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("the fellowship year", (t) => {
  it("makes an accepted placement a fellowship with the cycle's term and its reports, once", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    expect(fixture.fellowship).toMatchObject({ startsOn: fixture.term.startsOn, endsOn: fixture.term.endsOn });
    const row = await t.db
      .selectFrom("fellowships")
      .select(["cohortYear", "organizationId", "positionId", "fellowId", "status"])
      .where("id", "=", fixture.fellowship.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      cohortYear: 2025,
      organizationId: fixture.organizations[0]!.id,
      positionId: fixture.position.id,
      fellowId: fixture.fellow.id,
      status: "active",
    });
    const reports = await reportsOf(t.db, fixture.fellowship.id);
    // Nine monthly check-ins before the last day, and the final report on it.
    expect(reports.filter((report) => report.kind === "check_in")).toHaveLength(9);
    expect(reports.filter((report) => report.kind === "final").map((report) => report.dueOn)).toEqual([
      fixture.term.endsOn,
    ]);
    // Answering again changes nothing: one fellowship, the same reports.
    expect(
      await answerPlacement(t.db, config, {
        applicationId: fixture.fellow.applicationId,
        applicantId: fixture.fellow.id,
        accept: true,
      }),
    ).toEqual({ ok: true });
    const count = await t.db
      .selectFrom("fellowships")
      .select(sql<number>`count(*)`.as("n"))
      .where("applicationId", "=", fixture.fellow.applicationId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(await reportsOf(t.db, fixture.fellowship.id)).toHaveLength(10);
    expect(await loadRoles(t.db, fixture.fellow.id)).toContain("fellow");
  });

  it("gives a fellowship without a term ten months from next month", async () => {
    const fixture = await createMatchingFixture(t.db, config, { finalists: 1, seats: [1] });
    const fellow = fixture.finalists[0]!;
    await t.db
      .updateTable("applications")
      .set({ status: "matched", matchedPositionId: fixture.positions[0]!.id })
      .where("id", "=", fellow.applicationId)
      .execute();
    await answerPlacement(t.db, config, { applicationId: fellow.applicationId, applicantId: fellow.id, accept: true });
    const fellowship = await t.db
      .selectFrom("fellowships")
      .select(["startsOn", "endsOn", "cohortYear"])
      .where("applicationId", "=", fellow.applicationId)
      .executeTakeFirstOrThrow();
    const day = await today(t.db);
    expect(fellowship.startsOn.slice(8)).toBe("01");
    expect(fellowship.startsOn > day).toBe(true);
    expect(fellowship.cohortYear).toBe(Number(fellowship.startsOn.slice(0, 4)));
  });

  it("takes a due report once: a draft, then a submission; a second submit keeps one report and one email", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const reports = await reportsOf(t.db, fixture.fellowship.id);
    const due = reports.find(
      (report) => report.dueOn > addDays(fixture.term.startsOn, 60) && report.status === "open",
    )!;
    const [required] = fixture.questions;
    const input = {
      reportId: due.id,
      fellowId: fixture.fellow.id,
      answers: { [required!.id]: "Published the first dataset." },
    };
    expect(await writeReport(t.db, config, { ...input, version: due.version, submit: false })).toEqual({
      ok: true,
      submitted: false,
    });
    // A stale form (the draft's version moved on) is refused.
    expect(await writeReport(t.db, config, { ...input, version: due.version, submit: true })).toMatchObject({
      ok: false,
      status: 409,
      reason: "stale",
    });
    expect(await writeReport(t.db, config, { ...input, version: due.version + 1, submit: true })).toEqual({
      ok: true,
      submitted: true,
    });
    expect(await writeReport(t.db, config, { ...input, version: due.version + 1, submit: true })).toEqual({
      ok: true,
      submitted: false,
    });
    const stored = await t.db
      .selectFrom("fellowshipReports")
      .select(["status", "answers"])
      .where("id", "=", due.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "submitted", answers: { [required!.id]: "Published the first dataset." } });
    const emails = await t.db
      .selectFrom("emailOutbox")
      .select("text")
      .where("template", "=", "report-submitted")
      .where("recipient", "=", fixture.organizations[0]!.partnerEmail)
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(fixture.fellow.name);

    // Someone else's report answers like a missing one; a report not yet open is refused.
    expect(
      await writeReport(t.db, config, { ...input, fellowId: fixture.staffId, version: 0, submit: true }),
    ).toMatchObject({ ok: false, status: 404 });
    const upcoming = reports.at(-1)!;
    expect(
      await writeReport(t.db, config, { ...input, reportId: upcoming.id, version: upcoming.version, submit: true }),
    ).toMatchObject({ ok: false, status: 409, reason: "not_open" });
  });

  it("lets the host comment on its own fellow's submitted reports only, and tells the fellow", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const other = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const [report] = await reportsOf(t.db, fixture.fellowship.id);
    const partner = { id: fixture.organizations[0]!.partnerId, name: "Host", staff: false };
    const stranger = { id: other.organizations[0]!.partnerId, name: "Other host", staff: false };
    const comment = { reportId: report!.id, fellowshipId: fixture.fellowship.id, body: "Great start." };
    expect(await addReportComment(t.db, config, { ...comment, author: partner })).toMatchObject({
      ok: false,
      status: 409,
    });
    await writeReport(t.db, config, {
      reportId: report!.id,
      fellowId: fixture.fellow.id,
      answers: { [fixture.questions[0]!.id]: "Month one." },
      version: report!.version,
      submit: true,
    });
    expect(await addReportComment(t.db, config, { ...comment, author: stranger })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await addReportComment(t.db, config, { ...comment, author: partner })).toEqual({ ok: true });
    expect(await addReportComment(t.db, config, { ...comment, author: partner })).toEqual({ ok: true });
    const comments = await t.db
      .selectFrom("reportComments")
      .select("body")
      .where("reportId", "=", report!.id)
      .execute();
    expect(comments).toEqual([{ body: "Great start." }]);
    const email = await t.db
      .selectFrom("emailOutbox")
      .select("text")
      .where("template", "=", "report-comment")
      .where("recipient", "=", fixture.fellow.email)
      .execute();
    expect(email).toHaveLength(1);
    expect(email[0]!.text).toContain("Great start.");
    // Each side's data export: the host's comment, and the fellow's fellowship with the report.
    const hostExport = await exportMyData(t.db, partner.id);
    expect(hostExport.reportCommentsWritten).toEqual([
      { reportId: report!.id, body: "Great start.", createdAt: expect.any(Date) },
    ]);
    const fellowExport = await exportMyData(t.db, fixture.fellow.id);
    expect(fellowExport.fellowships).toEqual([
      expect.objectContaining({ id: fixture.fellowship.id, cohortYear: 2025 }),
    ]);
    expect(fellowExport.fellowshipReports).toContainEqual(
      expect.objectContaining({ status: "submitted", answers: { [fixture.questions[0]!.id]: "Month one." } }),
    );

    // What each reader sees: the host its own fellow, with answers of submitted reports only.
    expect((await hostFellows(t.db, stranger.id)).map((f) => f.id)).not.toContain(fixture.fellowship.id);
    expect(await fellowshipDetail(t.db, fixture.fellowship.id, { memberId: stranger.id })).toBeNull();
    const seen = await fellowshipDetail(t.db, fixture.fellowship.id, { memberId: partner.id });
    expect(seen!.reports.find((r) => r.id === report!.id)!.answers).toEqual({
      [fixture.questions[0]!.id]: "Month one.",
    });
    const [, , draft] = seen!.reports;
    expect(draft!.state).not.toBe("submitted");
    expect(draft!.answers).toEqual({});
  });

  it("counts each fellowship's reports as due, late and done for staff", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const reports = await reportsOf(t.db, fixture.fellowship.id);
    await writeReport(t.db, config, {
      reportId: reports[0]!.id,
      fellowId: fixture.fellow.id,
      answers: { [fixture.questions[0]!.id]: "Month one." },
      version: reports[0]!.version,
      submit: true,
    });
    const { fellowships, cohorts } = await staffDashboard(t.db, { cohortYear: 2025 });
    const row = fellowships.find((fellowship) => fellowship.id === fixture.fellowship.id)!;
    // Three months in (and a week short): one done, one late, the third due this week, the rest upcoming.
    expect(row.counts).toEqual({ done: 1, late: 1, due: 1, upcoming: 7 });
    expect(row.nextDue).toBe(reports[1]!.dueOn);
    expect(cohorts).toContain(2025);
    expect((await staffDashboard(t.db, { cohortYear: 1999 })).fellowships).toEqual([]);
  });

  it("follows the schedule when staff change it, never dropping a submitted report", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const reports = await reportsOf(t.db, fixture.fellowship.id);
    await writeReport(t.db, config, {
      reportId: reports[0]!.id,
      fellowId: fixture.fellow.id,
      answers: { [fixture.questions[0]!.id]: "Month one." },
      version: reports[0]!.version,
      submit: true,
    });
    const staffId = fixture.staffId;
    expect(
      await writeReportForm(t.db, staffId, fixture.cycle.id, {
        intent: "add-form",
        input: { kind: "midterm", title: "Mid-term report", everyMonths: undefined, offsetMonths: 5 },
      }),
    ).toEqual({ ok: true });
    expect((await reportsOf(t.db, fixture.fellowship.id)).filter((r) => r.kind === "midterm")).toHaveLength(1);
    expect(
      await writeReportForm(t.db, staffId, fixture.cycle.id, { intent: "delete-form", formId: fixture.checkInFormId }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(
      await writeReportForm(t.db, staffId, fixture.cycle.id, {
        intent: "update-form",
        formId: fixture.checkInFormId,
        version: 1,
        input: { kind: "check_in", title: "Quarterly check-in", everyMonths: 3, offsetMonths: undefined },
      }),
    ).toEqual({ ok: true });
    const after = (await reportsOf(t.db, fixture.fellowship.id)).filter((r) => r.kind === "check_in");
    // Every three months now (three before the end), plus the monthly one already submitted.
    expect(after.map((r) => r.status).sort()).toEqual(["open", "open", "open", "submitted"]);
    expect(after.some((r) => r.id === reports[0]!.id)).toBe(true);
  });

  it("completes fellowships whose term is over: the fellow is an alumnus and chooses whether the profile says so", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 11 });
    expect(await completeEndedFellowships(t.db, config)).toBeGreaterThanOrEqual(1);
    expect(await completeEndedFellowships(t.db, config)).toBe(0);
    const row = await t.db
      .selectFrom("fellowships")
      .select("status")
      .where("id", "=", fixture.fellowship.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("completed");
    expect(await loadRoles(t.db, fixture.fellow.id)).toContain("alumnus");
    const welcome = await t.db
      .selectFrom("emailOutbox")
      .select("subject")
      .where("template", "=", "fellowship-completed")
      .where("recipient", "=", fixture.fellow.email)
      .execute();
    expect(welcome).toEqual([{ subject: "Welcome to the alumni of the 2025 cohort" }]);
    // No reminders for a finished fellowship's reports.
    expect(await sendReportReminders(t.db, config)).toBeGreaterThanOrEqual(0);
    const reminders = await t.db
      .selectFrom("emailOutbox")
      .select("id")
      .where("template", "=", "report-reminder")
      .where("recipient", "=", fixture.fellow.email)
      .execute();
    expect(reminders).toEqual([]);

    expect((await alumniCohorts(t.db, [fixture.fellow.id])).get(fixture.fellow.id)).toBeUndefined();
    const listing = { fellowId: fixture.fellow.id, fellowshipId: fixture.fellowship.id, listed: true };
    expect(await setAlumniListing(t.db, listing)).toEqual({ ok: true, changed: true });
    expect(await setAlumniListing(t.db, listing)).toEqual({ ok: true, changed: false });
    expect((await alumniCohorts(t.db, [fixture.fellow.id])).get(fixture.fellow.id)).toEqual([2025]);
    expect(await setAlumniListing(t.db, { ...listing, fellowId: fixture.staffId })).toMatchObject({ status: 404 });
    await setAlumniListing(t.db, { ...listing, listed: false });
    expect((await alumniCohorts(t.db, [fixture.fellow.id])).get(fixture.fellow.id)).toBeUndefined();
  });

  it("reminds fellows of reports due within three days and once of late ones, whatever the number of runs", async () => {
    const fixture = await createFellowshipFixture(t.db, config, { monthsIn: 3 });
    const clock = { at: new Date(Date.now() + 5 * 24 * 60 * 60 * 1000) };
    await Promise.all([sendReportReminders(t.db, config, clock), sendReportReminders(t.db, config, clock)]);
    await sendReportReminders(t.db, config, clock);
    const reminders = await t.db
      .selectFrom("emailOutbox")
      .select(["subject", "idempotencyKey"])
      .where("template", "=", "report-reminder")
      .where("recipient", "=", fixture.fellow.email)
      .orderBy("idempotencyKey")
      .execute();
    // Two late check-ins by then, and the one due in two days.
    expect(reminders.filter((r) => r.idempotencyKey.endsWith(":late"))).toHaveLength(2);
    expect(reminders.filter((r) => r.idempotencyKey.endsWith(":due"))).toHaveLength(1);
    expect(reminders.some((r) => r.subject.startsWith("Overdue: Monthly check-in"))).toBe(true);
  });
});
