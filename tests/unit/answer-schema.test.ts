import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { answersFromValues, buildAnswersSchema } from "~/applications/answer-schema";
import { countWords, groupIntoSteps, missingAnswers, type Question } from "~/applications/questions";
import { readStepAnswers } from "~/applications/step-answers";
import { english, englishErrors } from "../support/english";

const q = (id: string, kind: Question["kind"], extra: Partial<Question> = {}): Question => ({
  id,
  section: "S",
  kind,
  label: id,
  help: "",
  required: false,
  maxWords: null,
  options: [],
  identifying: false,
  ...extra,
});

const questions: Question[] = [
  q("why", "long_text", { required: true, maxWords: 5 }),
  q("name", "short_text"),
  q("site", "url"),
  q("track", "single_choice", { required: true, options: ["Open Web", "Tech Policy"] }),
  q("issues", "multi_choice", { options: ["Privacy", "Inclusion", "Decentralization"] }),
  q("cv", "file", { required: true }),
];

function parse(mode: "draft" | "submit", entries: [string, string][]) {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return parseWithZod(form, { schema: buildAnswersSchema(questions, mode) });
}

describe("the schema derived from a cycle's questions", () => {
  it("accepts a complete submission and turns it back into answers by question id", () => {
    const result = parse("submit", [
      ["q_why", "Because it is ours"],
      ["q_track", "Open Web"],
      ["q_issues", "Privacy"],
      ["q_issues", "Inclusion"],
      ["q_site", "https://example.org/work"],
    ]);
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(answersFromValues(questions, result.value)).toEqual({
      why: "Because it is ours",
      name: null,
      site: "https://example.org/work",
      track: "Open Web",
      issues: ["Privacy", "Inclusion"],
    });
  });

  it("requires required answers on submit, not in a draft", () => {
    const submit = parse("submit", [["q_name", "Ada"]]);
    expect(submit.status).toBe("error");
    expect(englishErrors(submit.reply().error)).toMatchObject({
      q_why: ["This question needs an answer"],
      q_track: ["This question needs an answer"],
    });
    expect(parse("draft", [["q_name", "Ada"]]).status).toBe("success");
  });

  it("holds word limits in drafts too", () => {
    const result = parse("draft", [["q_why", "one two three four five six"]]);
    expect(english(result.reply().error?.q_why?.[0] ?? "")).toMatch(/at most 5 words/);
    expect(parse("draft", [["q_why", "  one two  three four five "]]).status).toBe("success");
  });

  it("accepts only http(s) web addresses", () => {
    for (const bad of ["javascript:alert(1)", "ftp://example.org", "example.org", "http//x"]) {
      expect(parse("draft", [["q_site", bad]]).reply().error?.q_site, bad).toBeTruthy();
    }
  });

  it("refuses options the question does not offer", () => {
    expect(
      parse("draft", [["q_track", "Astrology"]])
        .reply()
        .error?.q_track?.map(english),
    ).toEqual(["Choose one of the options"]);
    expect(
      parse("draft", [
        ["q_issues", "Privacy"],
        ["q_issues", "Crypto"],
      ]).status,
    ).toBe("error");
  });

  it("takes one ticked box as a list of one", () => {
    const result = parse("draft", [["q_issues", "Privacy"]]);
    expect(result.status).toBe("success");
    if (result.status === "success") expect(result.value.q_issues).toEqual(["Privacy"]);
  });

  it("leaves file questions to the upload check", () => {
    expect(Object.keys(buildAnswersSchema(questions, "submit").shape)).not.toContain("q_cv");
  });
});

describe("questions", () => {
  it("counts words across any whitespace", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  one\ttwo\nthree  ")).toBe(3);
  });

  it("groups consecutive questions of a section into steps", () => {
    const steps = groupIntoSteps([
      q("a", "short_text", { section: "About" }),
      q("b", "short_text", { section: "About" }),
      q("c", "url", { section: "Work" }),
    ]);
    expect(steps.map((step) => [step.number, step.title, step.questions.map((x) => x.id)])).toEqual([
      [1, "About", ["a", "b"]],
      [2, "Work", ["c"]],
    ]);
  });

  it("lists the required questions still unanswered, files included", () => {
    expect(missingAnswers(questions, { why: "x", track: "Open Web" }).map((x) => x.id)).toEqual(["cv"]);
    expect(missingAnswers(questions, { why: "  ", track: "Open Web", cv: "file-id" }).map((x) => x.id)).toEqual([
      "why",
    ]);
  });
});

describe("reading one step for a draft save", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it("keeps every valid answer and leaves out only the invalid ones, with their messages", () => {
    const read = readStepAnswers(
      form([
        ["q_why", "Because it is ours"],
        ["q_name", ""],
        ["q_site", "my website"],
        ["q_track", "Science"],
      ]),
      questions,
    );
    expect(read.invalid).toBe(2);
    // Valid answers (a cleared one too) are saved; invalid ones are absent, so what is stored stays.
    expect(read.answers).toEqual({ why: "Because it is ours", name: null, issues: null });
    expect(englishErrors(read.submission.reply().error)).toMatchObject({
      q_site: ["Enter a web address starting with http:// or https://"],
      q_track: ["Choose one of the options"],
    });
    // The reply keeps what was typed, so the form shows it again beside its error.
    expect(read.submission.reply().initialValue).toMatchObject({ q_site: "my website" });
  });

  it("saves everything when everything is valid", () => {
    const read = readStepAnswers(form([["q_site", "https://example.org"]]), questions);
    expect(read.invalid).toBe(0);
    expect(read.answers).toMatchObject({ site: "https://example.org", why: null });
  });
});
