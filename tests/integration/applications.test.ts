import { beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers, submitApplication, withdrawApplication } from "~/applications/applications.server";
import { addQuestion, updateQuestion } from "~/cycles/questions.server";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, questionByKind, TEST_QUESTIONS, type TestCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { emailsTo } from "../support/outbox";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const SECOND = 1000;

describeDb("applications", (t) => {
  let cycle: TestCycle;
  beforeAll(async () => {
    cycle = await createOpenCycle(t.db);
  });

  async function applicant() {
    const email = uniqueEmail("applicant");
    const row = await t.db
      .insertInto("users")
      .values({ email, name: "Applicant" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, email };
  }

  /** A complete draft with a CV, at the version the applicant last saw. */
  async function completeDraft(applicantId: string, onCycle = cycle) {
    const saved = await saveAnswers(t.db, {
      cycleId: onCycle.id,
      applicantId,
      questions: onCycle.questions,
      answers: completeAnswers(onCycle.questions),
      uploads: [{ questionId: questionByKind(onCycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    return saved;
  }

  it("creates the draft on the first save and moves its version on each save", async () => {
    const person = await applicant();
    const first = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[0]!.id]: "Science" },
      uploads: [],
      version: 0,
    });
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[1]!.id]: "Quito" },
      uploads: [],
      version: 1,
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const row = await t.db
      .selectFrom("applications")
      .select(["answers", "status"])
      .where("applicantId", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("draft");
    expect(row.answers).toEqual({ [cycle.questions[0]!.id]: "Science", [cycle.questions[1]!.id]: "Quito" });
  });

  it("refuses a save from a stale tab and changes nothing", async () => {
    const person = await applicant();
    await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[1]!.id]: "first tab" },
      uploads: [],
      version: 0,
    });
    await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[1]!.id]: "second tab" },
      uploads: [],
      version: 1,
    });
    const stale = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[1]!.id]: "first tab again" },
      uploads: [],
      version: 1,
    });
    expect(stale).toMatchObject({ ok: false, status: 409, reason: "stale" });
    const row = await t.db
      .selectFrom("applications")
      .select(["answers", "version"])
      .where("applicantId", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ answers: { [cycle.questions[1]!.id]: "second tab" }, version: 2 });
  });

  it("submits a complete application once, with one receipt carrying the answers", async () => {
    const person = await applicant();
    const draft = await completeDraft(person.id);
    const input = { cycleId: cycle.id, applicantId: person.id, version: draft.version };
    expect(await submitApplication(t.db, config, input)).toMatchObject({ ok: true, alreadySubmitted: false });
    expect(await submitApplication(t.db, config, input)).toMatchObject({ ok: true, alreadySubmitted: true });
    const receipts = await emailsTo(t.db, person.email);
    expect(receipts.map((email) => email.template)).toEqual(["application-receipt"]);
    expect(receipts[0]!.text).toContain("Because knowledge should be free for everyone to reach.");
    expect(receipts[0]!.text).toContain("File: cv.pdf");
    const events = await t.db
      .selectFrom("applicationEvents")
      .innerJoin("applications", "applications.id", "applicationEvents.applicationId")
      .select("applicationEvents.kind")
      .where("applications.applicantId", "=", person.id)
      .orderBy("applicationEvents.at")
      .execute();
    expect(events.map((event) => event.kind)).toEqual(["created", "submitted"]);
  });

  it("refuses to submit an incomplete application and names what is missing", async () => {
    const person = await applicant();
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: completeAnswers(cycle.questions),
      uploads: [],
      version: 0,
    });
    if (!saved.ok) throw new Error("save failed");
    const result = await submitApplication(t.db, config, {
      cycleId: cycle.id,
      applicantId: person.id,
      version: saved.version,
    });
    expect(result).toMatchObject({ ok: false, status: 400, reason: "incomplete" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([questionByKind(cycle.questions, "file").id]);
    expect(await emailsTo(t.db, person.email)).toEqual([]);
  });

  it("checks stored answers against the questions as they are at submission", async () => {
    const tightened = await createOpenCycle(t.db);
    const person = await applicant();
    const draft = await completeDraft(person.id, tightened);
    const why = tightened.questions.find((question) => question.kind === "long_text")!;
    await t.db.updateTable("cycleQuestions").set({ maxWords: 3 }).where("id", "=", why.id).execute();
    const result = await submitApplication(t.db, config, {
      cycleId: tightened.id,
      applicantId: person.id,
      version: draft.version,
    });
    expect(result).toMatchObject({ ok: false, status: 400, reason: "incomplete" });
    if (!result.ok) expect(english(result.fieldErrors?.[why.id]?.[0] ?? "")).toMatch(/at most 3 words/);
  });

  it("lets a submitted application change until the deadline, but never become incomplete", async () => {
    const person = await applicant();
    const draft = await completeDraft(person.id);
    await submitApplication(t.db, config, {
      cycleId: cycle.id,
      applicantId: person.id,
      version: draft.version,
    });
    const why = cycle.questions[2]!;
    const edited = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: [why],
      answers: { [why.id]: "A better answer" },
      uploads: [],
      version: draft.version + 1,
    });
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    const cleared = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: [why],
      answers: { [why.id]: null },
      uploads: [],
      version: edited.version,
    });
    expect(cleared).toMatchObject({ ok: false, status: 400, reason: "incomplete" });
    const row = await t.db
      .selectFrom("applications")
      .select(["status", "answers"])
      .where("applicantId", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
    expect(row.answers[why.id]).toBe("A better answer");
  });

  it("holds the deadline by the clock given, whatever the form says", async () => {
    const person = await applicant();
    const draft = await completeDraft(person.id);
    const afterDeadline = { at: new Date(cycle.closesAt.getTime() + SECOND) };
    const beforeOpening = { at: new Date(cycle.opensAt.getTime() - SECOND) };
    const change = {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: { [cycle.questions[1]!.id]: "late" },
      uploads: [],
      version: draft.version,
    };
    expect(await saveAnswers(t.db, change, afterDeadline)).toMatchObject({ ok: false, status: 409, reason: "closed" });
    expect(await saveAnswers(t.db, change, beforeOpening)).toMatchObject({
      ok: false,
      status: 409,
      reason: "not-open",
    });
    const submit = { cycleId: cycle.id, applicantId: person.id, version: draft.version };
    expect(await submitApplication(t.db, config, submit, afterDeadline)).toMatchObject({ ok: false, reason: "closed" });
    // One second before the deadline it still counts.
    expect(
      await submitApplication(t.db, config, submit, { at: new Date(cycle.closesAt.getTime() - SECOND) }),
    ).toMatchObject({ ok: true });
  });

  it("keeps a draft readable but closed once the cycle's deadline has passed in the database", async () => {
    const closing = await createOpenCycle(t.db, null, { closesInDays: 1 });
    const person = await applicant();
    const draft = await completeDraft(person.id, closing);
    await t.db
      .updateTable("cycles")
      .set({ closesAt: new Date(Date.now() - SECOND) })
      .where("id", "=", closing.id)
      .execute();
    const result = await submitApplication(t.db, config, {
      cycleId: closing.id,
      applicantId: person.id,
      version: draft.version,
    });
    expect(result).toMatchObject({ ok: false, reason: "closed" });
    const row = await t.db
      .selectFrom("applications")
      .select("status")
      .where("applicantId", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("draft");
  });

  it("withdraws a submitted application once, after which it cannot change", async () => {
    const person = await applicant();
    const draft = await completeDraft(person.id);
    await submitApplication(t.db, config, {
      cycleId: cycle.id,
      applicantId: person.id,
      version: draft.version,
    });
    const application = await t.db
      .selectFrom("applications")
      .select(["id", "version"])
      .where("applicantId", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(await withdrawApplication(t.db, config, { applicationId: application.id, applicantId: person.id })).toEqual({
      ok: true,
    });
    expect(await withdrawApplication(t.db, config, { applicationId: application.id, applicantId: person.id })).toEqual({
      ok: true,
    });
    const after = await t.db
      .selectFrom("applications")
      .select(["status", "version"])
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("withdrawn");
    // Confirmed by email, once however often the form is sent.
    const confirmations = (await emailsTo(t.db, person.email)).filter((e) => e.template === "application-withdrawn");
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.text).toContain("You withdrew your application to");
    const edit = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person.id,
      questions: cycle.questions,
      answers: {},
      uploads: [],
      version: after.version,
    });
    expect(edit).toMatchObject({ ok: false, reason: "not-editable" });
  });

  it("answers another applicant's application id like a missing one", async () => {
    const owner = await applicant();
    const other = await applicant();
    await completeDraft(owner.id);
    const application = await t.db
      .selectFrom("applications")
      .select("id")
      .where("applicantId", "=", owner.id)
      .executeTakeFirstOrThrow();
    expect(
      await withdrawApplication(t.db, config, { applicationId: application.id, applicantId: other.id }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("refuses to withdraw once decisions have started", async () => {
    const person = await applicant();
    await completeDraft(person.id);
    const application = await t.db
      .updateTable("applications")
      .set({ status: "in_review" })
      .where("applicantId", "=", person.id)
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      await withdrawApplication(t.db, config, { applicationId: application.id, applicantId: person.id }),
    ).toMatchObject({
      ok: false,
      reason: "not-editable",
    });
  });

  it("takes fifty applicants submitting at once: each saved, each exactly once, one receipt each", async () => {
    const people = await Promise.all(Array.from({ length: 50 }, () => applicant()));
    const drafts: { version: number }[] = [];
    for (const person of people) drafts.push(await completeDraft(person.id));
    const submissions = people.flatMap((person, index) => {
      const input = {
        cycleId: cycle.id,
        applicantId: person.id,
        version: drafts[index]!.version,
        questions: cycle.questions,
      };
      // Every other applicant double-clicks.
      return index % 2 === 0
        ? [submitApplication(t.db, config, input), submitApplication(t.db, config, input)]
        : [submitApplication(t.db, config, input)];
    });
    const results = await Promise.all(submissions);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.alreadySubmitted)).toHaveLength(50);
    const ids = people.map((person) => person.id);
    const rows = await t.db
      .selectFrom("applications")
      .select(["status", "submittedAt"])
      .where("applicantId", "in", ids)
      .execute();
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.status === "submitted" && row.submittedAt)).toBe(true);
    const receipts = await t.db
      .selectFrom("emailOutbox")
      .select("recipient")
      .where(
        "recipient",
        "in",
        people.map((person) => person.email),
      )
      .execute();
    expect(receipts).toHaveLength(50);
    expect(new Set(receipts.map((receipt) => receipt.recipient)).size).toBe(50);
  }, 60_000);

  it("freezes what questions ask once someone has submitted, but not their wording", async () => {
    const frozen = await createOpenCycle(t.db);
    const person = await applicant();
    const draft = await completeDraft(person.id, frozen);
    await submitApplication(t.db, config, {
      cycleId: frozen.id,
      applicantId: person.id,
      version: draft.version,
    });
    const staff = await applicant();
    expect(await addQuestion(t.db, staff.id, frozen.id, TEST_QUESTIONS[0]!)).toMatchObject({ ok: false, status: 409 });
    const track = frozen.questions[0]! as (typeof frozen.questions)[number] & { version: number };
    const base = { ...TEST_QUESTIONS[0]!, maxWords: undefined };
    expect(
      await updateQuestion(t.db, staff.id, frozen.id, track.id, track.version, { ...base, kind: "multi_choice" }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(
      await updateQuestion(t.db, staff.id, frozen.id, track.id, track.version, {
        ...base,
        label: "Which track fits you?",
      }),
    ).toEqual({ ok: true });
  });
});
