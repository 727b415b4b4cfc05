import { sql } from "kysely";
import { hashPassword } from "~/auth/password.server";
import type { DB } from "../client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, upsertUsers } from "./accounts";
import { seedCycles } from "./cycles";
import { seedFellowships } from "./fellowships";
import { seedLoiCycle } from "./loi";
import { seedInterviews } from "./interviews";
import { seedMatching } from "./matching";
import { seedNetwork } from "./network";
import { seedOrganizations } from "./organizations";
import { seedReview } from "./review";
import { seedDiscussion } from "./discussion";
import { seedPanelRound } from "./rounds";

const DEMO_MARK = "demo";

/** True when `npm start` seeded this database as a demo (only then may the seed add demo data). */
export async function isDemoDatabase(db: DB): Promise<boolean> {
  const row = await db.selectFrom("appMeta").select("key").where("key", "=", DEMO_MARK).executeTakeFirst();
  return row !== undefined;
}

export async function isEmptyDatabase(db: DB): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo program into an empty database, once, even when several instances start at
 * the same moment (`SEED_DEMO=1` behind a load balancer): they take turns under a
 * transaction-scoped lock, the whole seed is one transaction, and the later ones find the
 * database no longer empty. Returns whether this call seeded.
 */
export async function seedDemoIfEmpty(db: DB): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Waiting for another instance's seed (seconds) is not a runaway statement.
    await sql`select set_config('statement_timeout', '0', true)`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext('owf:seed-demo'))`.execute(trx);
    if (!(await isEmptyDatabase(trx))) return false;
    await seedDemo(trx);
    return true;
  });
}

/**
 * Seeds the demo program. Idempotent: every part adds only what is missing, so running it again
 * (or after an upgrade that adds demo data) keeps what people changed.
 */
export async function seedDemo(db: DB): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto("appMeta")
    .values({ key: DEMO_MARK, value: JSON.stringify({ seededAt: new Date().toISOString() }) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const ids = await upsertUsers(db, DEMO_ACCOUNTS, passwordHash);
  const staffId = ids.get("staff@demo.test");
  if (staffId) {
    await db
      .insertInto("userRoles")
      .values({ userId: staffId, role: "staff", grantedBy: null })
      .onConflict((oc) => oc.columns(["userId", "role"]).doNothing())
      .execute();
  }
  await seedCycles(db, passwordHash, ids.get("applicant@demo.test"));
  await seedLoiCycle(db, passwordHash);
  const organizations = await seedOrganizations(db, passwordHash);
  // Each part looks up what it builds on, so a demo seeded by an older version grows too.
  const reviewCycle = await db.selectFrom("cycles").select("id").where("slug", "=", "open-web-2026").executeTakeFirst();
  if (reviewCycle) await seedReview(db, reviewCycle.id, passwordHash);
  if (reviewCycle) await seedDiscussion(db, reviewCycle.id);
  if (reviewCycle) await seedPanelRound(db, reviewCycle.id);
  await seedMatching(db, passwordHash, organizations);
  await seedInterviews(db);
  await seedFellowships(db, passwordHash, organizations);
  await seedNetwork(db, passwordHash);
  await sql`analyze`.execute(db);
}
