import { describe, expect, it } from "vitest";
import type { Question } from "~/applications/questions";
import { redactIdentity, reviewerAnswers } from "~/review/reviewer-view";

const q = (id: string, kind: Question["kind"], identifying = false): Question => ({
  id,
  section: "S",
  kind,
  label: `Label ${id}`,
  help: "",
  required: false,
  maxWords: null,
  options: [],
  identifying,
});

const questions = [
  q("city", "short_text", true),
  q("why", "long_text"),
  q("site", "url"),
  q("cv", "file", true),
  q("sample", "file"),
];
const answers = {
  city: "Lagos",
  why: "I am Chiamaka Eze (chiamaka@example.org) and Eze is my family name.",
  site: "https://chiamaka.example.org",
  cv: "file-cv",
  sample: "file-sample",
};
const files = [
  { id: "file-cv", questionId: "cv", filename: "chiamaka-eze-cv.pdf" },
  { id: "file-sample", questionId: "sample", filename: "chiamaka-sample.pdf" },
];
const identity = { name: "Chiamaka Eze", email: "chiamaka@example.org" };

describe("what a reviewer sees", () => {
  it("in a blind cycle: no identifying answers, no links, neutral file names, and no name or email in the text", () => {
    const view = reviewerAnswers({ questions, answers, files, blind: true, identity });
    expect(view.map((answer) => answer.id)).toEqual(["why", "sample"]);
    const serialised = JSON.stringify(view);
    for (const secret of ["Lagos", "Chiamaka", "chiamaka@example.org", "https://", "file-cv", "chiamaka-sample.pdf"]) {
      expect(serialised).not.toContain(secret);
    }
    expect(view[1]!.file).toEqual({ id: "file-sample", name: "document-2.pdf" });
  });

  it("in an open cycle: everything, as written", () => {
    const view = reviewerAnswers({ questions, answers, files, blind: false, identity });
    expect(view.map((answer) => answer.id)).toEqual(["city", "why", "site", "cv", "sample"]);
    expect(view[1]!.text).toBe(answers.why);
    expect(view[3]!.file?.name).toBe("chiamaka-eze-cv.pdf");
  });

  it("redacts whole words only, whatever their case", () => {
    expect(redactIdentity("EZE wrote this; Ezekiel did not.", identity)).toBe(
      "[withheld] wrote this; Ezekiel did not.",
    );
    expect(redactIdentity("Signed, chiamaka eze", identity)).toBe("Signed, [withheld]");
  });
});
