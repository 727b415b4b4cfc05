import { parseArgs } from "node:util";
import { migrateToLatest } from "../migrate";
import { seedScaleAllies } from "../seed/scale";
import { runCommand } from "./open";

// `npm run db:seed:scale -- --allies 100000`: synthetic allies for benchmarks (no passwords, no demo sign-ins).
const { values } = parseArgs({ options: { allies: { type: "string", default: "100000" } } });
const count = Number(values.allies);
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error("--allies must be a whole number between 1 and 2,000,000");
  process.exit(1);
}

await runCommand(async ({ db, driver }) => {
  await migrateToLatest(db);
  const started = performance.now();
  const added = await seedScaleAllies(db, count, console.log);
  console.log(
    `${added} allies added (${count} asked) on ${driver} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
});
