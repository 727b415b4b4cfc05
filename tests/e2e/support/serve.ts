import pg from "pg";

// Creates the run's throwaway database, then starts the portal on it exactly as `npm start` does.
const name = process.env.E2E_DB_NAME!;
const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();

const url = new URL(process.env.TEST_DATABASE_URL!);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
await import("../../../app/server/main");
