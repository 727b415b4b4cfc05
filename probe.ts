import { sql } from "kysely";
import { createDatabase } from "#db/client";
import { parseDirectoryQuery } from "~/network/directory-query";
import { searchDirectory } from "~/network/directory.server";
import { DIRECTORY_MIX } from "./tests/bench/directory-queries";
const h = await createDatabase({ url: "postgres://postgres@127.0.0.1:5432/owf_bench_directory" });
await sql`vacuum analyze ally_profiles`.execute(h.db);
const all: number[] = [];
for (const q of DIRECTORY_MIX) {
  const times = []; let r;
  for (let i = 0; i < 4; i++) { const t = performance.now(); r = await searchDirectory(h.db, parseDirectoryQuery(new URLSearchParams(q)), "public"); times.push(performance.now() - t); }
  all.push(...times.slice(1));
  console.log(q.padEnd(60), String(r!.facets.total).padStart(6), r!.facets.approximate, times.slice(1).map((t) => t.toFixed(0)).join(" "));
}
all.sort((a, b) => a - b); console.log("p95", all[Math.ceil(0.95 * all.length) - 1]!.toFixed(0));
await h.close();
