import { parseArgs } from "node:util";
import { createDatabase } from "../client";
import { copyDatabase } from "../copy";

// `DATABASE_URL=postgres://… npm run db:copy-to-postgres -- --from ./data/pglite`: moves an
// embedded install to PostgreSQL. Stop the portal first (the embedded database is locked while
// it runs); the target must be an empty database.
const { values } = parseArgs({ options: { from: { type: "string", default: "./data/pglite" } } });
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the PostgreSQL database to copy into.");
  process.exit(1);
}

try {
  const source = await createDatabase({ pgliteDataDir: values.from });
  try {
    const target = await createDatabase({ url: process.env.DATABASE_URL, statementTimeoutMs: 0 });
    try {
      const counts = await copyDatabase(source.db, target.db, console.log);
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      console.log(`Copied ${total} rows from ${values.from} into PostgreSQL. Start the portal with DATABASE_URL now.`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
