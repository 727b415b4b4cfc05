import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "match-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function runMatch(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "app/matching/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const example = {
  applicants: [
    { id: "a1", ranking: ["p2", "p1"] },
    { id: "a3", ranking: ["p2"] },
  ],
  positions: [
    { id: "p1", seats: 1, ranking: [] },
    { id: "p2", seats: 1, ranking: ["a1", "a3"] },
  ],
};

/** The example with one position's fields replaced. */
function exampleWithPosition(change: Record<string, unknown>) {
  return { ...example, positions: [example.positions[0], { ...example.positions[1], ...change }] };
}

describe("npm run match", () => {
  it("prints the applicant-optimal matching and its blocking pairs as one JSON line", () => {
    const run = runMatch(fileWith("example.json", example));
    expect(run).toEqual({
      status: 0,
      stdout: '{"matches":[{"applicant":"a1","position":"p2"}],"unmatched":["a3"],"blockingPairs":[]}\n',
      stderr: "",
    });
  });

  it.each([
    ["a missing file argument", [], /usage/],
    ["a file that cannot be read", [path.join(dir, "absent.json")], /cannot read .*absent\.json/],
    ["malformed JSON", [fileWith("malformed.json", '{"applicants": [')], /malformed\.json is not valid JSON/],
    [
      "duplicate ids",
      [
        fileWith("duplicate.json", {
          ...example,
          positions: [...example.positions, { id: "a1", seats: 1, ranking: [] }],
        }),
      ],
      /positions\[2\]\.id "a1" is already the id of applicants\[0\]/,
    ],
    [
      "an unknown id in a ranking",
      [fileWith("unknown.json", exampleWithPosition({ ranking: ["a1", "a17"] }))],
      /positions\[1\]\.ranking names unknown applicant "a17"/,
    ],
    [
      "an id twice in one ranking",
      [fileWith("twice.json", exampleWithPosition({ ranking: ["a1", "a3", "a1"] }))],
      /positions\[1\]\.ranking names "a1" twice/,
    ],
    [
      "negative seats",
      [fileWith("negative.json", exampleWithPosition({ seats: -1 }))],
      /positions\[1\]\.seats is negative/,
    ],
    [
      "fractional seats",
      [fileWith("fractional.json", exampleWithPosition({ seats: 0.5 }))],
      /positions\[1\]\.seats is not a whole number/,
    ],
  ])("refuses %s with one line on stderr, exit code 2 and nothing on stdout", (_, args, problem) => {
    const run = runMatch(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(problem);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
