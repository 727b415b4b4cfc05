import { sql } from "kysely";
import { expect, it } from "vitest";
import { saveAnswers, submitApplication } from "~/applications/applications.server";
import { getOwnDemographics, saveDemographics } from "~/applications/demographics.server";
import { inviteLetters } from "~/applications/loi.server";
import { addQuestion, listQuestions, updateQuestion } from "~/cycles/questions.server";
import { cancelRelease, finaliseDueReleases, scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions } from "~/review/decisions.server";
import { loadConfig } from "~/utils/config.server";
import { tinyPdf } from "#db/seed/pdf";
import { completeAnswers, createOpenCycle, questionByKind } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const DAY = 24 * 60 * 60 * 1000;

describeDb("two-stage cycles (letter of intent)", (t) => {
  /** An open cycle whose Track and "Why" questions form the letter of intent, due in three days. */
  async function twoStageCycle() {
    const cycle = await createOpenCycle(t.db);
    await t.db
      .updateTable("cycles")
      .set({ loiClosesAt: new Date(Date.now() + 3 * DAY) })
      .where("id", "=", cycle.id)
      .execute();
    await t.db
      .updateTable("cycleQuestions")
      .set({ stage: "loi" })
      .where("cycleId", "=", cycle.id)
      .where("label", "in", ["Track", "Why is the open web important to you?"])
      .execute();
    const questions = await listQuestions(t.db, cycle.id);
    const loiQuestions = questions.filter((question) => question.stage === "loi");
    const staff = await person("staff");
    return { ...cycle, questions, loiQuestions, staff, name: "LOI cycle", timezone: "UTC" };
  }
  type Cycle = Awaited<ReturnType<typeof twoStageCycle>>;

  async function person(prefix: string) {
    return (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail(prefix), name: `Person ${prefix}` })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  const loiAnswers = (cycle: Cycle) => {
    const all = completeAnswers(cycle.questions);
    return Object.fromEntries(cycle.loiQuestions.map((question) => [question.id, all[question.id]!]));
  };

  async function submittedLetter(cycle: Cycle) {
    const applicantId = await person("loi");
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId,
      questions: cycle.loiQuestions,
      answers: loiAnswers(cycle),
      uploads: [],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    const submitted = await submitApplication(t.db, config, { cycleId: cycle.id, applicantId, version: saved.version });
    if (!submitted.ok) throw new Error(submitted.message);
    return { applicantId, applicationId: saved.applicationId };
  }

  const application = (id: string) =>
    t.db
      .selectFrom("applications")
      .select(["status", "answers", "invitedAt", "pendingDecision", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const outbox = (key: string) =>
    t.db
      .selectFrom("emailOutbox")
      .select(["status", "subject", "nextAttemptAt"])
      .where("idempotencyKey", "=", key)
      .execute();

  it("a letter of intent starts as loi_draft, submits as loi_submitted, and asks only its own questions", async () => {
    const cycle = await twoStageCycle();
    const { applicantId, applicationId } = await submittedLetter(cycle);
    expect((await application(applicationId)).status).toBe("loi_submitted");
    expect(await outbox(`loi-receipt:${applicationId}`)).toHaveLength(1);
    // Submitting again changes nothing.
    const again = await submitApplication(t.db, config, {
      cycleId: cycle.id,
      applicantId,
      version: (await application(applicationId)).version,
    });
    expect(again).toEqual({ ok: true, applicationId, alreadySubmitted: true });
  });

  it("before an invitation, a question of the full application is refused with 403 and nothing is stored", async () => {
    const cycle = await twoStageCycle();
    const { applicantId, applicationId } = await submittedLetter(cycle);
    const before = await application(applicationId);
    const country = cycle.questions.find((question) => question.label === "Country and city")!;
    const result = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId,
      questions: [country],
      answers: { [country.id]: "Lagos" },
      uploads: [],
      version: before.version,
    });
    expect(result).toMatchObject({ ok: false, status: 403, reason: "not-invited" });
    expect(await application(applicationId)).toEqual(before);
  });

  it("a letter of intent submitted after its deadline is refused (409 closed), though the cycle is still open", async () => {
    const cycle = await twoStageCycle();
    const applicantId = await person("late");
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId,
      questions: cycle.loiQuestions,
      answers: loiAnswers(cycle),
      uploads: [],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    await t.db
      .updateTable("cycles")
      .set({ loiClosesAt: sql<Date>`now() - interval '1 minute'` })
      .where("id", "=", cycle.id)
      .execute();
    const result = await submitApplication(t.db, config, { cycleId: cycle.id, applicantId, version: saved.version });
    expect(result).toMatchObject({ ok: false, status: 409, reason: "closed" });
    expect((await application(saved.applicationId)).status).toBe("loi_draft");
    // A newcomer cannot start one either.
    const newcomer = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: await person("newcomer"),
      questions: cycle.loiQuestions,
      answers: loiAnswers(cycle),
      uploads: [],
      version: 0,
    });
    expect(newcomer).toMatchObject({ ok: false, status: 409, reason: "closed" });
  });

  it("inviting twice invites once and emails once; the full application opens pre-filled and submits", async () => {
    const cycle = await twoStageCycle();
    const { applicantId, applicationId } = await submittedLetter(cycle);
    const first = await inviteLetters(t.db, config, cycle.staff, cycle, [applicationId]);
    const second = await inviteLetters(t.db, config, cycle.staff, cycle, [applicationId]);
    expect(first).toEqual({ invited: 1, already: 0, refused: 0 });
    expect(second).toEqual({ invited: 0, already: 1, refused: 0 });
    const invited = await application(applicationId);
    expect(invited.status).toBe("draft");
    expect(invited.invitedAt).not.toBeNull();
    expect(invited.answers).toEqual(loiAnswers(cycle));
    const emails = await outbox(`loi-invite:${applicationId}`);
    expect(emails.map((email) => email.subject)).toEqual([`You are invited to the full application for ${cycle.name}`]);
    const audits = await t.db
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", applicationId)
      .where("action", "=", "loi.invite")
      .execute();
    expect(audits).toHaveLength(1);

    // The full form: the letter's answers are there; the rest is added, then submitted.
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId,
      questions: cycle.questions,
      answers: { ...completeAnswers(cycle.questions), ...invited.answers },
      uploads: [{ questionId: questionByKind(cycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
      version: invited.version,
    });
    if (!saved.ok) throw new Error(saved.message);
    const submitted = await submitApplication(t.db, config, { cycleId: cycle.id, applicantId, version: saved.version });
    expect(submitted).toEqual({ ok: true, applicationId, alreadySubmitted: false });
    expect((await application(applicationId)).status).toBe("submitted");
  });

  it("“not invited” is held until released, cancellable meanwhile, then moves the letter and sends", async () => {
    const cycle = await twoStageCycle();
    const { applicantId, applicationId } = await submittedLetter(cycle);
    const key = `decision:${applicationId}:not_invited`;
    expect(await setPendingDecisions(t.db, cycle.staff, cycle.id, [applicationId], "not_invited")).toBe(1);
    expect(await outbox(key)).toEqual([]);

    const scheduled = await scheduleRelease(t.db, config, cycle.staff, cycle);
    expect(scheduled).toMatchObject({ ok: true, decisions: 1, sentNow: false });
    const held = await outbox(key);
    expect(held).toHaveLength(1);
    expect(held[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(held[0]!.subject).toBe(`Your letter of intent to ${cycle.name}`);
    expect((await application(applicationId)).status).toBe("loi_submitted");

    expect(await cancelRelease(t.db, cycle.staff, cycle.id)).toEqual({ ok: true, decisions: 1 });
    expect(await outbox(key)).toEqual([]);
    expect(await application(applicationId)).toMatchObject({ status: "loi_submitted", pendingDecision: "not_invited" });

    await scheduleRelease(t.db, config, cycle.staff, cycle);
    await t.db
      .updateTable("decisionReleases")
      .set({ sendAt: sql<Date>`now() - interval '1 second'` })
      .where("cycleId", "=", cycle.id)
      .where("cancelledAt", "is", null)
      .execute();
    expect(await finaliseDueReleases(t.db, { cycleId: cycle.id })).toBe(1);
    expect(await application(applicationId)).toMatchObject({ status: "not_invited", pendingDecision: null });
    expect(await outbox(key)).toHaveLength(1);

    // Not invited: neither the letter nor the full form can be changed, and it cannot be invited now.
    const version = (await application(applicationId)).version;
    const save = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId,
      questions: cycle.loiQuestions,
      answers: loiAnswers(cycle),
      uploads: [],
      version,
    });
    expect(save).toMatchObject({ ok: false, status: 409, reason: "not-editable" });
    expect(await inviteLetters(t.db, config, cycle.staff, cycle, [applicationId])).toEqual({
      invited: 0,
      already: 0,
      refused: 1,
    });
  });

  it("the builder refuses a letter-of-intent question that depends on a full-application one, saying which", async () => {
    const cycle = await twoStageCycle();
    const track = cycle.questions.find((question) => question.label === "Track")!;
    const base = {
      section: "About you",
      help: "",
      required: false,
      identifying: false,
      maxWords: 50,
      options: [] as string[],
    };
    expect(
      await addQuestion(t.db, cycle.staff, cycle.id, {
        ...base,
        kind: "single_choice",
        label: "Do you need funding for travel?",
        options: ["Yes", "No"],
      }),
    ).toEqual({ ok: true });
    const funding = (await listQuestions(t.db, cycle.id)).find((question) => question.label.startsWith("Do you need"))!;
    expect(funding.stage).toBe("full");
    const questionCount = (await listQuestions(t.db, cycle.id)).length;

    // An LOI question shown by a full-application answer: refused, on the condition's field, naming both.
    const refused = await addQuestion(t.db, cycle.staff, cycle.id, {
      ...base,
      kind: "long_text",
      label: "Where would you travel?",
      inLoi: true,
      conditionQuestionId: funding.id,
      conditionOperator: "equals",
      conditionValues: ["Yes"],
    });
    expect(refused.ok ? refused : { ...refused, message: english(refused.message) }).toEqual({
      ok: false,
      status: 400,
      field: "conditionQuestionId",
      message:
        "“Where would you travel?” is asked in the letter of intent but depends on “Do you need funding for travel?”, which only the full application asks; a condition cannot look ahead to a later stage.",
    });
    expect(await listQuestions(t.db, cycle.id)).toHaveLength(questionCount);

    // The same condition on a full-application question is fine; so is an LOI question on an LOI answer.
    expect(
      await addQuestion(t.db, cycle.staff, cycle.id, {
        ...base,
        kind: "long_text",
        label: "Which policy?",
        inLoi: true,
        conditionQuestionId: track.id,
        conditionOperator: "equals",
        conditionValues: ["Tech Policy"],
      }),
    ).toEqual({ ok: true });
    // Taking Track out of the letter would leave "Which policy?" looking ahead: refused, naming it.
    const version = (
      await t.db.selectFrom("cycleQuestions").select("version").where("id", "=", track.id).executeTakeFirstOrThrow()
    ).version;
    const moved = await updateQuestion(t.db, cycle.staff, cycle.id, track.id, version, {
      ...base,
      kind: "single_choice",
      label: track.label,
      required: true,
      options: track.options,
      inLoi: false,
    });
    expect(moved).toMatchObject({ ok: false, status: 400, field: "conditionQuestionId" });
    expect(moved.ok ? "" : english(moved.message)).toMatch(
      /^“Which policy\?” is asked in the letter of intent but depends on “Track”/,
    );
    expect((await listQuestions(t.db, cycle.id)).find((question) => question.id === track.id)!.stage).toBe("loi");
  });

  it("the optional about-you answers are taken while the letter is a draft or submitted, until its own deadline", async () => {
    const cycle = await twoStageCycle();
    const { applicantId, applicationId } = await submittedLetter(cycle);
    expect(
      await saveDemographics(t.db, { cycleId: cycle.id, applicantId, values: { region: "Sub-Saharan Africa" } }),
    ).toEqual({ ok: true });
    expect((await getOwnDemographics(t.db, applicationId)).region).toBe("Sub-Saharan Africa");
    // After the letter's deadline (the full application's is still ahead) a letter takes nothing.
    await t.db
      .updateTable("cycles")
      .set({ loiClosesAt: new Date(Date.now() - 60_000) })
      .where("id", "=", cycle.id)
      .execute();
    expect(await saveDemographics(t.db, { cycleId: cycle.id, applicantId, values: { region: "Asia" } })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect((await getOwnDemographics(t.db, applicationId)).region).toBe("Sub-Saharan Africa");
  });
});
