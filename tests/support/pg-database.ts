import { randomBytes } from "node:crypto";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "#db/types";

export interface ScratchDatabase {
  url: string;
  /** A plain Kysely handle for checking what the portal wrote. */
  db: Kysely<Database>;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An empty database of its own on a PostgreSQL server (default TEST_DATABASE_URL), for a portal process to migrate. */
export async function createScratchDatabase(serverUrl = process.env.TEST_DATABASE_URL!): Promise<ScratchDatabase> {
  const name = `owf_scratch_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 3 }) }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.destroy();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
