import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { withQueryStats } from "#db/query-stats";
import { isMigrated, migrateToLatest } from "#db/migrate";
import { buildStatus, ensureBuild } from "~/server/build";
import { COMMANDS } from "~/server/build-commands";
import { describeDb } from "../support/db";

/** A project tree with one source file and a build whose files are `buildAge` seconds newer than it. */
function project(root: string, buildAge: number) {
  const write = (file: string, seconds: number) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "");
    const when = new Date(Date.UTC(2026, 10, 1) + seconds * 1000);
    utimesSync(path.join(root, file), when, when);
  };
  write("app/root.tsx", 0);
  write("package.json", 0);
  for (const file of ["build/server/index.js", ...Object.keys(COMMANDS).map((name) => `build/cli/${name}.js`)])
    write(file, buildAge);
}

describe("a start with a current build", () => {
  const root = mkdtempSync(path.join(tmpdir(), "owf-build-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("uses the build as it is (nothing built, nothing logged) and calls it stale once a source is newer", () => {
    project(root, 60);
    const lines: string[] = [];
    const started = performance.now();
    // The tree has no node_modules: any build attempt would throw.
    expect(ensureBuild(root, (line) => lines.push(line))).toBe(path.join(root, "build", "server", "index.js"));
    expect(lines).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);

    project(root, -60);
    expect(buildStatus(root)).toMatchObject({ stale: true, commandsStale: true });
  });

  it("compiles the commands alone when only they are missing", () => {
    project(root, 60);
    rmSync(path.join(root, "build", "cli", "rank.js"));
    expect(buildStatus(root)).toMatchObject({ stale: false, commandsStale: true });
  });
});

describeDb("migrations checked at start", (t) => {
  it("finds an up-to-date database in one query, and lets the migrator see to a missing migration", async () => {
    const { stats, result } = withQueryStats(() => migrateToLatest(t.db));
    expect(await result).toEqual([]);
    expect(stats.count).toBe(1);

    const latest = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(t.db);
    const name = latest.rows[0]!.name;
    await sql`delete from kysely_migration where name = ${name}`.execute(t.db);
    expect(await isMigrated(t.db)).toBe(false);
    await sql`insert into kysely_migration (name, timestamp) values (${name}, now()::text)`.execute(t.db);
    expect(await isMigrated(t.db)).toBe(true);
  });
});
