import pg from "pg";

export default async function teardown() {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${process.env.E2E_DB_NAME} with (force)`);
  await admin.end();
}
