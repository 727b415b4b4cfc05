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
      "[name withheld] wrote this; Ezekiel did not.",
    );
    expect(redactIdentity("Signed, chiamaka eze", identity)).toBe("Signed, [name withheld]");
  });
});

describe("blind redaction of what the penetration test slipped through", () => {
  const zeynep = { name: "Zeynep Kaya-Öztürk", email: "zeynep@probe.example" };
  const cases: [string, string, string][] = [
    ["part of a hyphenated surname", "The Kaya family ran a radio.", "The [name withheld] family ran a radio."],
    ["the other part", "Öztürk is my mother's name.", "[name withheld] is my mother's name."],
    ["the name without accents", "Signed: zeynep kaya ozturk", "Signed: [name withheld]"],
    ["capitals without accents", "KAYA-OZTURK", "[name withheld]"],
    ["both spellings in one text", "Zeynep Kaya-Ozturk and Zeynep Kaya-Öztürk", "[name withheld] and [name withheld]"],
    ["a link with a scheme", "See https://zeynepkaya.example for more.", "See [link withheld] for more."],
    [
      "a bare profile link",
      "Code at github.com/zkaya and zkaya.dev/blog.",
      "Code at [link withheld] and [link withheld].",
    ],
    ["an email address", "Write to z.k@mail.example, please.", "Write to [link withheld], please."],
    ["a handle", "I post as @zkaya.", "I post as [link withheld]."],
    ["a fediverse handle", "Follow @zkaya@mastodon.social", "Follow [link withheld]"],
    ["spelled-out mail", "Mail zeynep.kaya at probe dot example today", "Mail [link withheld] today"],
    ["bracketed mail", "zk [at] probe [dot] example", "[link withheld]"],
  ];
  for (const [what, text, expected] of cases) {
    it(`withholds ${what}`, () => {
      expect(redactIdentity(text, zeynep)).toBe(expected);
    });
  }

  it("leaves ordinary prose alone", () => {
    const prose = "We arrived at noon. Then Kayak clubs met at the park; a 3.5 rating, e.g. fine.";
    expect(redactIdentity(prose, zeynep)).toBe(prose);
  });

  it("takes no short fragment of a name out of other words", () => {
    const alia = { name: "Al-Amin Wu", email: "a@x.example" };
    expect(redactIdentity("All algorithms; Wu and Amin wrote it.", alia)).toBe(
      "All algorithms; [name withheld] and [name withheld] wrote it.",
    );
  });
});
