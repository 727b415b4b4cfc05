import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "review-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function run(command: "rank" | "assign", ...args: string[]) {
  const script = command === "rank" ? "app/review/rank-cli.ts" : "app/review/assign-cli.ts";
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run rank", () => {
  it("prints the calibrated ranking and the reviewer biases as one JSON line", () => {
    // r2 is 20 points more lenient than r1 on a1 and a2; a3 is seen by r2 alone.
    const reviews = [
      { application: "a1", reviewer: "r1", score: 50 },
      { application: "a1", reviewer: "r2", score: 70 },
      { application: "a2", reviewer: "r1", score: 60 },
      { application: "a2", reviewer: "r2", score: 80 },
      { application: "a3", reviewer: "r2", score: 72 },
      { application: "a3", reviewer: "r3", score: 50 },
    ];
    const result = run("rank", fileWith("reviews.json", { reviews }));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("\n")).toBe(true);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(["ranking", "reviewerBias"]);
    const order = output.ranking.map((row: { application: string }) => row.application);
    expect([...order].sort()).toEqual(["a1", "a2", "a3"]);
    expect(order.indexOf("a2")).toBeLessThan(order.indexOf("a1"));
    for (const row of output.ranking) {
      expect(Object.keys(row)).toEqual(["application", "score", "low", "high", "reviews"]);
      expect(row.low).toBeLessThan(row.score);
      expect(row.high).toBeGreaterThan(row.score);
    }
    expect(
      output.reviewerBias.map((row: { reviewer: string; reviews: number }) => [row.reviewer, row.reviews]),
    ).toEqual([
      ["r1", 2],
      ["r2", 3],
      ["r3", 1],
    ]);
    const [r1, r2] = output.reviewerBias;
    expect(r2.bias).toBeGreaterThan(r1.bias);
  });

  it.each([
    ["a missing file argument", [], /usage: npm run rank/],
    ["malformed JSON", [fileWith("malformed.json", '{"reviews": [')], /malformed\.json is not valid JSON/],
    [
      "a score that is not a number",
      [fileWith("text.json", { reviews: [{ application: "a", reviewer: "r", score: "9" }] })],
      /reviews\.0\.score/,
    ],
    [
      "a missing reviewer",
      [fileWith("noreviewer.json", { reviews: [{ application: "a", score: 9 }] })],
      /reviews\.0\.reviewer/,
    ],
    [
      "the same reviewer twice on an application",
      [
        fileWith("twice.json", {
          reviews: [
            { application: "a", reviewer: "r", score: 9 },
            { application: "a", reviewer: "r", score: 8 },
          ],
        }),
      ],
      /r reviews a twice/,
    ],
  ])("rejects %s with a message on stderr and exit code 2", (_, args, message) => {
    const result = run("rank", ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});

describe("npm run assign", () => {
  const instance = {
    k: 2,
    applications: [
      { id: "a1", tags: ["policy"] },
      { id: "a2", tags: [] },
    ],
    reviewers: [
      { id: "r1", capacity: 3, expertise: ["policy"] },
      { id: "r2", capacity: 3, expertise: [] },
      { id: "r3", capacity: 3, expertise: ["policy"] },
    ],
    conflicts: [{ reviewerId: "r1", applicationId: "a1" }],
    existing: [],
  };

  it("prints assignments, what stays uncovered and an optimality certificate that passes the check", () => {
    const result = run("assign", fileWith("instance.json", instance));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(["assignments", "uncovered", "certificate"]);
    expect(output.assignments).toHaveLength(4);
    expect(output.assignments).toContainEqual({ applicationId: "a1", reviewerId: "r3" });
    expect(output.uncovered).toEqual([]);
    expect(output.certificate.check).toMatchObject({ valid: true, problems: [], gap: 0 });
    expect(output.certificate.coverage).toEqual({ reachedK: 2, upperBound: 2, gap: 0, searchedExhaustively: false });
  });

  it("says how many reviewers an application misses and why", () => {
    const result = run("assign", fileWith("short.json", { ...instance, k: 3 }));
    const output = JSON.parse(result.stdout);
    expect(output.uncovered).toEqual([{ applicationId: "a1", missing: 1, reason: "not-enough-eligible-reviewers" }]);
  });

  it.each([
    ["a negative k", { ...instance, k: -1 }, /k: must be 0 or more/],
    [
      "a fractional capacity",
      { ...instance, reviewers: [{ id: "r1", capacity: 1.5, expertise: [] }] },
      /reviewers\.0\.capacity/,
    ],
    ["a missing list", { k: 1, applications: [], reviewers: [], conflicts: [] }, /existing/],
    [
      "duplicate reviewer ids",
      { ...instance, reviewers: [instance.reviewers[0], instance.reviewers[0]] },
      /Duplicate reviewer id r1/,
    ],
  ])("rejects %s with a message on stderr and exit code 2", (_, content, message) => {
    const result = run("assign", fileWith("bad.json", content));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
