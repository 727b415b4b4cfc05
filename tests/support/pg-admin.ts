import { randomBytes } from "node:crypto";
import pg from "pg";

/** Names this run's databases, so parallel runs on one server never touch each other's. */
export const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** A connection to TEST_DATABASE_URL for creating and dropping test databases, or null without one. */
export function adminPool(): pg.Pool | null {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  return new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
}
