import pg from "pg";
import { startPortal } from "../../../app/server/main";
import { loadConfig } from "../../../app/utils/config.server";

// The portal as `npm start` runs it, on a database of this run's own: created here, dropped
// here once the portal has stopped (Playwright stops this process after the tests).
const name = process.env.E2E_DB_NAME!;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);

const url = new URL(process.env.TEST_DATABASE_URL!);
url.pathname = `/${name}`;
const portal = await startPortal(loadConfig({ ...process.env, DATABASE_URL: url.toString() }));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await portal.stop({ drain: false });
  await admin(`drop database if exists ${name} with (force)`);
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
