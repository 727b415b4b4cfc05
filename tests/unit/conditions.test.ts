import { describe, expect, it } from "vitest";
import {
  conditionMet,
  conditionProblems,
  shownQuestionIds,
  shownQuestions,
  withoutHiddenAnswers,
} from "~/applications/conditions";
import { missingAnswers, type Question } from "~/applications/questions";
import { answersOnStep, questionsForStep } from "~/applications/step-conditions";
import { english } from "../support/english";

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  section: "One",
  kind: "long_text",
  label: id,
  help: "",
  required: false,
  maxWords: null,
  options: [],
  identifying: false,
  condition: null,
  ...extra,
});

const track = q("track", { kind: "single_choice", options: ["Open Web", "Tech Policy", "Science"], required: true });
const issues = q("issues", { kind: "multi_choice", options: ["Privacy", "Inclusion", "AI"] });
const policy = q("policy", {
  section: "Two",
  required: true,
  condition: { questionId: "track", operator: "equals", values: ["Tech Policy"] },
});
const ai = q("ai", { section: "Two", condition: { questionId: "issues", operator: "includes", values: ["AI"] } });
// Depends on `policy`, which itself depends on `track`: a chain hides together.
const venue = q("venue", {
  section: "Two",
  kind: "single_choice",
  options: ["Parliament", "Court"],
  condition: { questionId: "track", operator: "equals", values: ["Tech Policy"] },
});
const court = q("court", {
  section: "Three",
  condition: { questionId: "venue", operator: "equals", values: ["Court"] },
});
const form = [track, issues, policy, ai, venue, court];

describe("a condition", () => {
  it("equals: met when the single answer is one of the values, never by a list of several", () => {
    const condition = { questionId: "x", operator: "equals" as const, values: ["Yes", "Maybe"] };
    expect(conditionMet(condition, "Yes")).toBe(true);
    expect(conditionMet(condition, "Maybe")).toBe(true);
    expect(conditionMet(condition, "No")).toBe(false);
    expect(conditionMet(condition, undefined)).toBe(false);
    expect(conditionMet(condition, ["Yes"])).toBe(true);
    expect(conditionMet(condition, ["Yes", "No"])).toBe(false);
  });

  it("includes: met when any chosen value is one of the values", () => {
    const condition = { questionId: "x", operator: "includes" as const, values: ["AI"] };
    expect(conditionMet(condition, ["Privacy", "AI"])).toBe(true);
    expect(conditionMet(condition, ["Privacy"])).toBe(false);
    expect(conditionMet(condition, [])).toBe(false);
  });
});

describe("which questions show", () => {
  it("shows unconditional questions always and conditional ones only when their answer calls for them", () => {
    expect([...shownQuestionIds(form, {})]).toEqual(["track", "issues"]);
    expect([...shownQuestionIds(form, { track: "Tech Policy", issues: ["AI"] })]).toEqual([
      "track",
      "issues",
      "policy",
      "ai",
      "venue",
    ]);
  });

  it("hides a chain together: an answer left on a hidden question shows nothing", () => {
    expect(shownQuestionIds(form, { track: "Tech Policy", venue: "Court" }).has("court")).toBe(true);
    expect(shownQuestionIds(form, { track: "Science", venue: "Court" }).has("court")).toBe(false);
  });

  it("keeps a question whose condition names a removed question (nothing is dropped silently)", () => {
    const orphan = q("orphan", { condition: { questionId: "gone", operator: "equals", values: ["x"] } });
    expect(shownQuestionIds([orphan], {}).has("orphan")).toBe(true);
  });

  it("a hidden question is not required", () => {
    const answers = { track: "Science" };
    expect(missingAnswers(shownQuestions(form, answers), answers).map((x) => x.id)).toEqual([]);
    expect(missingAnswers(shownQuestions(form, { track: "Tech Policy" }), {}).map((x) => x.id)).toEqual([
      "track",
      "policy",
    ]);
  });

  it("clears the answers of hidden questions and keeps the rest", () => {
    const result = withoutHiddenAnswers(form, {
      track: "Science",
      policy: "An essay",
      venue: "Court",
      court: "More",
      issues: ["Privacy"],
      ai: "Models",
      retired: "an answer to a question no longer asked",
    });
    expect(result.answers).toEqual({
      track: "Science",
      issues: ["Privacy"],
      retired: "an answer to a question no longer asked",
    });
    expect(result.cleared.sort()).toEqual(["ai", "court", "policy", "venue"]);
  });
});

describe("the builder's checks", () => {
  const messages = (questions: Question[]) =>
    conditionProblems(questions).map((p) => `${p.questionId}: ${english(p.message)}`);

  it("accepts conditions that look back at choice questions with known options", () => {
    expect(conditionProblems(form)).toEqual([]);
  });

  it("refuses a condition on a later step, and says which", () => {
    const early = q("early", { condition: { questionId: "late", operator: "equals", values: ["A"] } });
    const late = q("late", { section: "Two", kind: "single_choice", options: ["A"] });
    expect(messages([early, late])).toEqual([
      "early: “early” depends on “late”, which is on a later step; a condition can only look back.",
    ]);
  });

  it("refuses a letter-of-intent question that depends on one only the full application asks, and says which", () => {
    const choice = q("choice", { kind: "single_choice", options: ["A", "B"], stage: "full" });
    const early = q("early", { stage: "loi", condition: { questionId: "choice", operator: "equals", values: ["A"] } });
    expect(messages([choice, early])).toEqual([
      "early: “early” is asked in the letter of intent but depends on “choice”, which only the full application asks; a condition cannot look ahead to a later stage.",
    ]);
    // Looking back is allowed: a full-application question on a letter-of-intent answer, or within the letter.
    const later = q("later", { stage: "full", condition: { questionId: "choice", operator: "equals", values: ["A"] } });
    const inLetter = { ...early, id: "in-letter" };
    expect(messages([{ ...choice, stage: "loi" }, inLetter, later])).toEqual([]);
  });

  it("refuses a loop of conditions and names its members", () => {
    const a = q("a", {
      kind: "single_choice",
      options: ["x"],
      condition: { questionId: "b", operator: "equals", values: ["x"] },
    });
    const b = q("b", {
      kind: "single_choice",
      options: ["x"],
      condition: { questionId: "a", operator: "equals", values: ["x"] },
    });
    expect(messages([a, b])).toEqual([
      "a: “a” is part of a loop of conditions (“a” → “b” → “a”); a question cannot depend on itself.",
      "b: “b” is part of a loop of conditions (“b” → “a” → “b”); a question cannot depend on itself.",
    ]);
    const self = q("self", {
      kind: "single_choice",
      options: ["x"],
      condition: { questionId: "self", operator: "equals", values: ["x"] },
    });
    expect(conditionProblems([self])).toHaveLength(1);
  });

  it("says which question depends on a removed one", () => {
    expect(messages([policy])).toEqual([
      "policy: “policy” is shown depending on a question that was removed; choose another question or remove the condition.",
    ]);
  });

  it("refuses a condition on a text question or on an option the question does not have", () => {
    const text = q("text");
    const onText = q("onText", { condition: { questionId: "text", operator: "equals", values: ["x"] } });
    expect(messages([text, onText])[0]).toContain("is not a choice question");
    const wrong = q("wrong", { condition: { questionId: "track", operator: "equals", values: ["Art"] } });
    expect(messages([track, wrong])).toEqual(["wrong: “wrong”: “Art” is not an option of “track”."]);
  });
});

describe("a step of the form", () => {
  it("reads the step's choices from the form as answers", () => {
    const data = new FormData();
    data.append("q_track", "Tech Policy");
    data.append("q_issues", "AI");
    data.append("q_issues", "Privacy");
    expect(answersOnStep(data, [track, issues, policy])).toEqual({ track: "Tech Policy", issues: ["AI", "Privacy"] });
  });

  it("leaves out questions hidden by an earlier step and sends same-step ones with a hint", () => {
    const step = { number: 2, title: "Two", questions: [policy, ai, venue] };
    const byScience = questionsForStep(step, form, { track: "Science", issues: ["AI"] });
    expect(byScience.questions.map((x) => x.id)).toEqual(["ai"]);
    const sameStep = { number: 1, title: "One", questions: [track, policy] };
    const shown = questionsForStep(sameStep, form, {});
    expect(shown.questions.map((x) => x.id)).toEqual(["track", "policy"]);
    expect(shown.conditionHints).toEqual({
      policy: "Shown when the answer to “track” is “Tech Policy”; otherwise leave it.",
    });
  });
});
