import { migrateToLatest } from "../migrate";
import { runCommand } from "./open";

await runCommand(async ({ db, driver }) => {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied on ${driver}: ${applied.join(", ")}` : `Schema is up to date (${driver}).`);
});
