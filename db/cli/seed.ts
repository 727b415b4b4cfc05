import { parseArgs } from "node:util";
import { migrateToLatest } from "../migrate";
import { isDemoDatabase, isEmptyDatabase, seedDemo } from "../seed/demo";
import { runCommand } from "./open";

const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });

// Demo accounts have a published password: they go only into a database that was seeded as a
// demo, an empty embedded one, or wherever someone asks for them with --demo.
await runCommand(async ({ db, driver }) => {
  await migrateToLatest(db);
  const allowed =
    values.demo ||
    (await isDemoDatabase(db)) ||
    (driver === "pglite" && !process.env.DATABASE_URL && (await isEmptyDatabase(db)));
  if (!allowed) {
    throw new Error(
      "This database was not seeded as a demo. Run with --demo to add demo accounts with their public password anyway.",
    );
  }
  await seedDemo(db);
  console.log(`Demo data is in place (${driver}).`);
});
