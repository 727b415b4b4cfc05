import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase } from "#db/client";
import { migrateToLatest } from "#db/migrate";
import { ensureBuild } from "~/server/build";
import { adminPool, runId } from "./pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
    runId: string;
  }
}

/**
 * Once per run: a migrated PGlite database dumped to a file (each test file loads it in well
 * under a second instead of ~3 s for a fresh one), the same as a PostgreSQL template database
 * when TEST_DATABASE_URL is set, and a fresh build for the HTTP tests.
 */
export default async function setup(project: TestProject) {
  // The HTTP tests need a fresh build; TEST_SKIP_BUILD=1 runs unit tests while the app is mid-change.
  if (process.env.TEST_SKIP_BUILD !== "1") ensureBuild(process.cwd(), () => {});

  const dir = mkdtempSync(path.join(tmpdir(), "owf-test-"));
  const template = await createDatabase({ pgliteDataDir: "memory://" });
  await migrateToLatest(template.db);
  const dump = await template.dumpDataDir!();
  const pgliteTemplate = path.join(dir, "pglite-template.tar");
  writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("runId", runId);

  let pgTemplate: string | null = null;
  const admin = adminPool();
  if (admin) {
    pgTemplate = `owf_test_${runId}_template`;
    await admin.query(`create database ${pgTemplate}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${pgTemplate}`;
    const handle = await createDatabase({ url: url.toString() });
    await migrateToLatest(handle.db);
    await handle.close();
  }
  project.provide("pgTemplate", pgTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
        `owf_test_${runId}_%`,
      ]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
