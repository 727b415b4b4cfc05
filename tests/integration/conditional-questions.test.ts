import { beforeAll, expect, it } from "vitest";
import { tinyPdf } from "#db/seed/pdf";
import { saveAnswers, submitApplication } from "~/applications/applications.server";
import type { QuestionInput } from "~/cycles/cycles.schema";
import { addQuestion, deleteQuestion, listQuestions, moveQuestion, updateQuestion } from "~/cycles/questions.server";
import { reviewerAnswers } from "~/review/reviewer-view";
import { loadConfig } from "~/utils/config.server";
import { completeAnswers, createOpenCycle, questionByKind, type TestCycle } from "../support/cycles";
import { describeDb, uniqueEmail } from "../support/db";
import { english } from "../support/english";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });

const policyEssay = (trackId: string): QuestionInput => ({
  section: "Your work",
  kind: "long_text",
  label: "Which law would you change?",
  help: "",
  required: true,
  identifying: false,
  maxWords: 10,
  options: [],
  conditionQuestionId: trackId,
  conditionOperator: "equals",
  conditionValues: ["Tech Policy"],
});

describeDb("conditional questions", (t) => {
  let cycle: TestCycle;
  let staffId: string;
  let trackId: string;
  let essayId: string;
  beforeAll(async () => {
    cycle = await createOpenCycle(t.db);
    // Conditions are added before anyone submits (questions freeze after the first submission).
    staffId = (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail("staff"), name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    trackId = cycle.questions.find((question) => question.label === "Track")!.id;
    const added = await addQuestion(t.db, staffId, cycle.id, policyEssay(trackId));
    expect(added).toEqual({ ok: true });
    // Moved up onto "Your work" (added at the end, after "Documents").
    const all = await listQuestions(t.db, cycle.id);
    essayId = all.find((question) => question.label === "Which law would you change?")!.id;
    expect(await moveQuestion(t.db, cycle.id, essayId, "up")).toEqual({ ok: true });
    cycle.questions = await listQuestions(t.db, cycle.id);
  });

  async function applicant() {
    return (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail("applicant"), name: "Applicant" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  it("stores the condition and refuses a loop, a later step and a question that does not exist, saying which", async () => {
    const essay = cycle.questions.find((question) => question.id === essayId)!;
    expect(essay.condition).toEqual({ questionId: trackId, operator: "equals", values: ["Tech Policy"] });

    // Track (step 1) made to depend on a question of step 2: a later step.
    const track = cycle.questions.find((question) => question.id === trackId)!;
    const later = await addQuestion(t.db, staffId, cycle.id, {
      ...policyEssay(trackId),
      label: "Pick a venue",
      kind: "single_choice",
      options: ["Court", "Parliament"],
    });
    expect(later.ok).toBe(true);
    const venueId = (await listQuestions(t.db, cycle.id)).find((question) => question.label === "Pick a venue")!.id;
    const versionOf = async (id: string) =>
      (await t.db.selectFrom("cycleQuestions").select("version").where("id", "=", id).executeTakeFirstOrThrow())
        .version;
    const onLater = await updateQuestion(t.db, staffId, cycle.id, trackId, await versionOf(trackId), {
      section: track.section,
      kind: "single_choice",
      label: track.label,
      help: "",
      required: true,
      identifying: false,
      options: track.options,
      conditionQuestionId: venueId,
      conditionOperator: "equals",
      conditionValues: ["Court"],
    });
    expect(onLater).toMatchObject({ ok: false, status: 400, field: "conditionQuestionId" });
    expect(onLater.ok ? "" : english(onLater.message)).toMatch(/“Track” is part of a loop of conditions/);
    const country = cycle.questions.find((question) => question.label === "Country and city")!;
    const onLaterStep = await updateQuestion(t.db, staffId, cycle.id, country.id, await versionOf(country.id), {
      section: country.section,
      kind: "short_text",
      label: country.label,
      help: "",
      required: true,
      identifying: true,
      options: [],
      conditionQuestionId: venueId,
      conditionOperator: "equals",
      conditionValues: ["Court"],
    });
    expect(onLaterStep).toMatchObject({ ok: false, status: 400 });
    expect(onLaterStep.ok ? "" : english(onLaterStep.message)).toBe(
      "“Country and city” depends on “Pick a venue”, which is on a later step; a condition can only look back.",
    );

    const unknown = await addQuestion(t.db, staffId, cycle.id, {
      ...policyEssay("00000000-0000-4000-8000-000000000000"),
      label: "Orphan",
    });
    expect(unknown).toMatchObject({ ok: false, status: 400 });
    expect(unknown.ok ? "" : english(unknown.message)).toMatch(
      /“Orphan” is shown depending on a question that was removed/,
    );

    const wrongOption = await addQuestion(t.db, staffId, cycle.id, {
      ...policyEssay(trackId),
      label: "Wrong option",
      conditionValues: ["Art"],
    });
    expect(wrongOption.ok ? "" : english(wrongOption.message)).toMatch(/“Art” is not an option of “Track”/);

    // The track cannot be removed while questions depend on it; the refusal names them.
    const removal = await deleteQuestion(t.db, staffId, cycle.id, trackId);
    expect(removal).toMatchObject({ ok: false, status: 409 });
    expect(removal.ok ? "" : english(removal.message)).toMatch(
      /“Which law would you change\?” and “Pick a venue” are shown/,
    );

    // Moving the venue (depends on Track) above Track is refused too.
    await deleteQuestion(t.db, staffId, cycle.id, venueId);
    expect(await listQuestions(t.db, cycle.id)).toHaveLength(cycle.questions.length);
  });

  it("refuses a move that would put a question before the one it depends on", async () => {
    const result = await moveQuestion(t.db, cycle.id, trackId, "down");
    // Track and Country swap: still before the essay, so allowed; then moving it back restores the order.
    expect(result).toEqual({ ok: true });
    expect(await moveQuestion(t.db, cycle.id, trackId, "up")).toEqual({ ok: true });
    const before = await listQuestions(t.db, cycle.id);
    const essayIndex = before.findIndex((question) => question.id === essayId);
    // Moving the essay up step by step: the move that would place it above Track is refused.
    let moves = 0;
    for (; moves < essayIndex; moves++) {
      const moved = await moveQuestion(t.db, cycle.id, essayId, "up");
      if (!moved.ok) {
        expect(moved).toMatchObject({ ok: false, status: 409 });
        expect(english(moved.message)).toMatch(/depends on “Track”, which (is on a later step|comes after it)/);
        break;
      }
    }
    expect(moves).toBe(essayIndex - 1);
    for (let back = 0; back < moves; back++) await moveQuestion(t.db, cycle.id, essayId, "down");
    expect((await listQuestions(t.db, cycle.id)).map((question) => question.id)).toEqual(before.map((q) => q.id));
  });

  it("clears a hidden answer on save, requires a shown one on submit and not a hidden one", async () => {
    cycle.questions = await listQuestions(t.db, cycle.id);
    const person = await applicant();
    const cv = {
      questionId: questionByKind(cycle.questions, "file").id,
      filename: "cv.pdf",
      bytes: tinyPdf("CV"),
    };
    const first = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person,
      questions: cycle.questions,
      answers: { ...completeAnswers(cycle.questions), [trackId]: "Tech Policy", [essayId]: "Copyright terms" },
      uploads: [cv],
      version: 0,
    });
    expect(first).toMatchObject({ ok: true, version: 1 });
    let stored = await t.db
      .selectFrom("applications")
      .select("answers")
      .where("applicantId", "=", person)
      .executeTakeFirstOrThrow();
    expect(stored.answers[essayId]).toBe("Copyright terms");

    // Changing the track on step 1 hides the essay on step 2: its answer is not kept.
    const second = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person,
      questions: cycle.questions.filter((question) => question.section === "About you"),
      answers: { [trackId]: "Science" },
      uploads: [],
      version: 1,
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    stored = await t.db
      .selectFrom("applications")
      .select("answers")
      .where("applicantId", "=", person)
      .executeTakeFirstOrThrow();
    expect(stored.answers).not.toHaveProperty(essayId);
    expect(stored.answers[trackId]).toBe("Science");

    // A hidden required question does not hold back the submission.
    expect(await submitApplication(t.db, config, { cycleId: cycle.id, applicantId: person, version: 2 })).toMatchObject(
      {
        ok: true,
        alreadySubmitted: false,
      },
    );
  });

  it("a shown required question must be answered before submitting, and reviewers never see a hidden one", async () => {
    const person = await applicant();
    const saved = await saveAnswers(t.db, {
      cycleId: cycle.id,
      applicantId: person,
      questions: cycle.questions,
      answers: { ...completeAnswers(cycle.questions), [trackId]: "Tech Policy" },
      uploads: [{ questionId: questionByKind(cycle.questions, "file").id, filename: "cv.pdf", bytes: tinyPdf("CV") }],
      version: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    const refused = await submitApplication(t.db, config, { cycleId: cycle.id, applicantId: person, version: 1 });
    expect(refused).toMatchObject({ ok: false, status: 400, reason: "incomplete" });
    expect(refused.ok ? {} : refused.fieldErrors).toHaveProperty(essayId);

    // What a reviewer reads is decided by the answers: a stale stored answer of a hidden question is not shown.
    const view = (answers: Record<string, string>) =>
      reviewerAnswers({
        questions: cycle.questions,
        answers,
        files: [],
        blind: false,
        identity: { name: "A", email: "a@x.org" },
      }).map((answer) => answer.id);
    expect(view({ [trackId]: "Science", [essayId]: "left over" })).not.toContain(essayId);
    expect(view({ [trackId]: "Tech Policy", [essayId]: "Copyright" })).toContain(essayId);
  });
});
