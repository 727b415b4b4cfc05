import { beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers } from "~/applications/applications.server";
import { ownProgress } from "~/references/completeness.server";
import { lettersOf } from "~/references/letters.server";
import {
  addRefereeQuestion,
  listOwnRefereeQuestions,
  removeRefereeQuestion,
} from "~/references/referee-questions.server";
import { findRefereeRequest, submitReference } from "~/references/referee.server";
import { nameReferee } from "~/references/references.server";
import { refereeAnswersSchema, REFEREE_QUESTIONS } from "~/references/references";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, type TestCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { english } from "../support/english";
import { latestEmailTo } from "../support/outbox";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

describeDb("a cycle's own referee questions", (t) => {
  let cycle: TestCycle;
  let staffId: string;
  let applicant: { id: string; email: string; name: string };
  let applicationId: string;

  beforeAll(async () => {
    cycle = await createOpenCycle(t.db);
    await t.db.updateTable("cycles").set({ referencesMin: 1, referencesMax: 3 }).where("id", "=", cycle.id).execute();
    staffId = (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail("staff"), name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    applicant = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("applicant"), name: "Zainab Okoro" })
      .returning(["id", "email", "name"])
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

  async function linkFor(name: string) {
    const email = uniqueEmail("referee");
    const named = await nameReferee(t.db, config, {
      applicantId: applicant.id,
      applicationId,
      referee: { name, email, relationship: "Mentor" },
    });
    expect(named.ok).toBe(true);
    return /\/references\/([A-Za-z0-9_-]+)/.exec((await latestEmailTo(t.db, email))!.text)![1]!;
  }

  it("asks the referee the cycle's questions, requires the required one, and shows the answers to the panel only", async () => {
    const token = await linkFor("Kwame Asante");
    // Without questions of its own, a cycle's referees get the default three.
    expect((await findRefereeRequest(t.db, token))!.questions.map((question) => question.key)).toEqual(
      REFEREE_QUESTIONS.map((question) => question.key),
    );

    expect(
      await addRefereeQuestion(t.db, staffId, cycle.id, { label: "How have you seen them lead?", required: true }),
    ).toMatchObject({ ok: true });
    expect(
      await addRefereeQuestion(t.db, staffId, cycle.id, { label: "Anything else for the panel?", required: false }),
    ).toMatchObject({ ok: true });
    const own = await listOwnRefereeQuestions(t.db, cycle.id);
    expect(own.map((question) => [question.label, question.required, question.position])).toEqual([
      ["How have you seen them lead?", true, 1],
      ["Anything else for the panel?", false, 2],
    ]);

    const view = (await findRefereeRequest(t.db, token))!;
    expect(view.questions).toEqual([
      { key: own[0]!.id, label: "How have you seen them lead?", maxLength: 5000, required: true },
      { key: own[1]!.id, label: "Anything else for the panel?", maxLength: 5000, required: false },
    ]);
    // The route's schema: the required question must be answered (a field error), the defaults are gone.
    const schema = refereeAnswersSchema(view.questions);
    const missing = schema.safeParse({ [own[1]!.id]: "Yes." });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((issue) => [issue.path.join("."), english(issue.message)])).toEqual([
      [own[0]!.id, "Answer this question"],
    ]);
    const parsed = schema.parse({
      [own[0]!.id]: "Zainab Okoro ran our mesh project; see https://example.org/zainab.",
      capacity: "ignored",
    });
    expect(parsed).toEqual({
      [own[0]!.id]: "Zainab Okoro ran our mesh project; see https://example.org/zainab.",
      [own[1]!.id]: "",
    });

    const received = await submitReference(t.db, token, {
      answers: parsed,
      letter: { filename: "Zainab Okoro - Kwame.pdf", bytes: tinyPdf("A letter") },
    });
    expect(received).toEqual({ ok: true, applicantName: "Zainab Okoro" });

    // The panel reads the answer under its question; in a blind cycle the names and links are withheld.
    const [open] = await lettersOf(t.db, applicationId, { blind: false });
    expect(open!.answers).toEqual([
      {
        label: "How have you seen them lead?",
        text: "Zainab Okoro ran our mesh project; see https://example.org/zainab.",
      },
    ]);
    const [blind] = await lettersOf(t.db, applicationId, { blind: true });
    expect(blind!.answers).toHaveLength(1);
    expect(blind!.answers[0]!.label).toBe("How have you seen them lead?");
    expect(blind!.answers[0]!.text).not.toContain("Zainab");
    expect(blind!.answers[0]!.text).not.toContain("example.org");
    expect(blind).toMatchObject({ refereeName: null, possiblyIdentifying: true });

    // The applicant's own view has the status only, never an answer or a question.
    const progress = await ownProgress(t.db, applicationId);
    expect(JSON.stringify(progress)).not.toContain("mesh project");
    expect(JSON.stringify(progress)).not.toContain("How have you seen them lead?");
    expect(progress.references).toEqual([expect.objectContaining({ name: "Kwame Asante", status: "received" })]);
  });

  it("fixes the questions once a reference has arrived: adding and removing are refused, nothing changes", async () => {
    const before = await listOwnRefereeQuestions(t.db, cycle.id);
    expect(before).toHaveLength(2);
    const refused = await addRefereeQuestion(t.db, staffId, cycle.id, { label: "One more question?", required: false });
    expect(refused.ok ? refused : { ...refused, message: english(refused.message) }).toEqual({
      ok: false,
      status: 409,
      message: "Referee questions are fixed once a reference has arrived for this cycle.",
    });
    expect(await removeRefereeQuestion(t.db, staffId, cycle.id, before[0]!.id)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await listOwnRefereeQuestions(t.db, cycle.id)).toEqual(before);
  });

  it("adds and removes freely before any reference arrives, and never removes another cycle's question", async () => {
    const other = await createOpenCycle(t.db);
    const added = await addRefereeQuestion(t.db, staffId, other.id, {
      label: "What is their best work?",
      required: false,
    });
    if (!added.ok) throw new Error(added.message);
    // Removing it through another cycle (one with no letter yet) finds nothing.
    const third = await createOpenCycle(t.db);
    expect(await removeRefereeQuestion(t.db, staffId, third.id, added.id)).toMatchObject({ ok: false, status: 404 });
    expect(await listOwnRefereeQuestions(t.db, other.id)).toHaveLength(1);
    expect(await removeRefereeQuestion(t.db, staffId, other.id, added.id)).toEqual({ ok: true });
    expect(await listOwnRefereeQuestions(t.db, other.id)).toEqual([]);
  });
});
