import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers, withdrawApplication } from "~/applications/applications.server";
import { findRefereeRequest, submitReference } from "~/references/referee.server";
import { lettersOf } from "~/references/letters.server";
import { cycleCompleteness, ownProgress } from "~/references/completeness.server";
import { listOwnReferences, nameReferee, remindReferee, replaceReferee } from "~/references/references.server";
import { sendReferenceReminders } from "~/references/reminders.server";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, type TestCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { emailsTo, latestEmailTo } from "../support/outbox";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const answers = { capacity: "Her manager for three years.", strengths: "Care and rigour.", concerns: "" };

async function tokenFor(db: Parameters<typeof latestEmailTo>[0], email: string): Promise<string> {
  const text = (await latestEmailTo(db, email))?.text ?? "";
  return /\/references\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
}

describeDb("reference letters", (t) => {
  let cycle: TestCycle;
  let applicant: { id: string; email: string };
  let applicationId: string;
  const referee = (label: string) => ({
    name: `Referee ${label}`,
    email: uniqueEmail(`ref-${label}`),
    relationship: "Manager",
  });

  beforeAll(async () => {
    cycle = await createOpenCycle(t.db);
    await t.db.updateTable("cycles").set({ referencesMin: 2, referencesMax: 2 }).where("id", "=", cycle.id).execute();
    applicant = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("applicant"), name: "Ada Applicant" })
      .returning(["id", "email"])
      .executeTakeFirstOrThrow();
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: applicant.id,
      questions: cycle.questions,
      answers: completeAnswers(cycle.questions),
      uploads: [],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    applicationId = saved.applicationId;
  });

  it("refuses the applicant's own address and the same referee twice, and takes a resubmission once", async () => {
    const ids = { applicantId: applicant.id, applicationId };
    const self = await nameReferee(t.db, config, {
      ...ids,
      referee: { ...referee("self"), email: applicant.email.toUpperCase() },
    });
    expect(self).toMatchObject({ ok: false, status: 409, field: "email" });
    expect(english(self.ok ? "" : self.message)).toBe("Name someone other than yourself");
    const first = referee("one");
    expect(await nameReferee(t.db, config, { ...ids, referee: first })).toEqual({ ok: true });
    // A double click: the same referee again at once sends nothing more.
    expect(await nameReferee(t.db, config, { ...ids, referee: first })).toEqual({ ok: true });
    expect(await emailsTo(t.db, first.email)).toHaveLength(1);
    const again = await nameReferee(t.db, config, { ...ids, referee: { ...first, name: "Someone Else" } });
    expect(again).toMatchObject({ ok: false, field: "email" });
    expect(english(again.ok ? "" : again.message)).toBe("You have already named this referee");
    // Another applicant's application answers as missing.
    const stranger = await nameReferee(t.db, config, { applicantId: cycle.id, applicationId, referee: referee("x") });
    expect(stranger).toMatchObject({ ok: false, status: 404 });
  });

  it("takes a letter once over the emailed link; the applicant sees only that it arrived", async () => {
    const [request] = await listOwnReferences(t.db, applicationId);
    const token = await tokenFor(t.db, request!.email);
    expect(await findRefereeRequest(t.db, `${token}x`)).toBeNull();
    expect(await findRefereeRequest(t.db, token)).toMatchObject({ state: "open", applicantName: "Ada Applicant" });
    const empty = await submitReference(t.db, token, {
      answers: { capacity: "", strengths: "", concerns: "" },
      letter: null,
    });
    expect(empty).toMatchObject({ ok: false, reason: "empty", status: 400 });
    const letter = { filename: "Ada Applicant reference.pdf", bytes: Buffer.from(tinyPdf("Letter")) };
    expect(await submitReference(t.db, token, { answers, letter })).toEqual({
      ok: true,
      applicantName: "Ada Applicant",
    });
    const second = await submitReference(t.db, token, { answers: { ...answers, concerns: "Changed" }, letter: null });
    expect(second).toEqual({ ok: false, reason: "received", status: 410 });
    const stored = await t.db
      .selectFrom("referenceRequests")
      .select(["answers", "letterFilename"])
      .where("id", "=", request!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ answers, letterFilename: "Ada Applicant reference.pdf" });
    const [own] = await listOwnReferences(t.db, applicationId);
    expect(own).toMatchObject({ status: "received" });
    expect(Object.keys(own!).sort()).toEqual(
      ["email", "id", "name", "receivedAt", "relationship", "remindWaitSeconds", "status"].sort(),
    );
  });

  it("reminds by hand once a day with a new link, and replaces a referee by revoking the old link", async () => {
    const ids = { applicantId: applicant.id, applicationId };
    const second = referee("two");
    expect(await nameReferee(t.db, config, { ...ids, referee: second })).toEqual({ ok: true });
    const request = (await listOwnReferences(t.db, applicationId)).find((r) => r.email === second.email)!;
    const early = await remindReferee(t.db, config, { ...ids, requestId: request.id });
    expect(early).toMatchObject({ ok: false, status: 429 });
    const firstToken = await tokenFor(t.db, second.email);
    await t.db
      .updateTable("referenceRequests")
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where("id", "=", request.id)
      .execute();
    expect(await remindReferee(t.db, config, { ...ids, requestId: request.id })).toEqual({ ok: true });
    const reminded = await tokenFor(t.db, second.email);
    expect(reminded).not.toBe(firstToken);
    expect(await findRefereeRequest(t.db, firstToken)).toBeNull();
    expect(await findRefereeRequest(t.db, reminded)).toMatchObject({ state: "open" });

    // Over the maximum: a replacement instead.
    const third = referee("three");
    expect(await nameReferee(t.db, config, { ...ids, referee: third })).toMatchObject({ ok: false, status: 409 });
    expect(await replaceReferee(t.db, config, { ...ids, requestId: request.id, referee: third })).toEqual({ ok: true });
    expect(await findRefereeRequest(t.db, reminded)).toMatchObject({ state: "revoked" });
    const revoked = await submitReference(t.db, reminded, { answers, letter: null });
    expect(revoked).toEqual({ ok: false, reason: "revoked", status: 410 });
    expect((await listOwnReferences(t.db, applicationId)).map((r) => r.email)).toContain(third.email);
  });

  it("sends scheduled reminders weekly, once per pass", async () => {
    await t.db
      .updateTable("referenceRequests")
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where("applicationId", "=", applicationId)
      .where("status", "=", "requested")
      .execute();
    expect(await sendReferenceReminders(t.db, config)).toBeGreaterThanOrEqual(1);
    const { count } = await t.db
      .selectFrom("referenceRequests")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("applicationId", "=", applicationId)
      .where("status", "=", "requested")
      .where("remindersSent", "=", 1)
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
    const before = await t.db
      .selectFrom("emailOutbox")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    await sendReferenceReminders(t.db, config);
    const after = await t.db
      .selectFrom("emailOutbox")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("shows staff the missing reference and the panel the letter (blind: without the referee)", async () => {
    const [entry] = await cycleCompleteness(t.db, { id: cycle.id, referencesMin: 2 }, cycle.questions);
    expect(entry).toMatchObject({ id: applicationId, received: 1, requested: 1, summary: "1 file, 1 reference" });
    expect((await ownProgress(t.db, applicationId)).missing).toMatchObject({ answers: [], references: 1 });
    const [blind] = await lettersOf(t.db, applicationId, { blind: true });
    expect(blind).toMatchObject({ refereeName: null, relationship: null, possiblyIdentifying: true });
    expect(blind!.letter).toEqual({ name: "reference-letter-1.pdf" });
    const [open] = await lettersOf(t.db, applicationId, { blind: false });
    expect(open).toMatchObject({ refereeName: "Referee one", letter: { name: "Ada Applicant reference.pdf" } });
  });

  it("closes every link of a withdrawn application and of an expired one, writing nothing", async () => {
    const waiting = (await listOwnReferences(t.db, applicationId)).find((r) => r.status === "requested")!;
    const token = await tokenFor(t.db, waiting.email);
    await t.db
      .updateTable("referenceRequests")
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where("id", "=", waiting.id)
      .execute();
    expect(await submitReference(t.db, token, { answers, letter: null })).toEqual({
      ok: false,
      reason: "expired",
      status: 410,
    });
    await t.db
      .updateTable("referenceRequests")
      .set({ expiresAt: sql`now() + interval '1 day'` })
      .where("id", "=", waiting.id)
      .execute();
    const withdrawn = await withdrawApplication(t.db, config, { applicationId, applicantId: applicant.id });
    expect(withdrawn.ok).toBe(true);
    expect(await submitReference(t.db, token, { answers, letter: null })).toEqual({
      ok: false,
      reason: "withdrawn",
      status: 410,
    });
    const row = await t.db
      .selectFrom("referenceRequests")
      .select(["status", "answers"])
      .where("id", "=", waiting.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "requested", answers: null });
  });
});
