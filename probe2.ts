import { createDatabase } from "#db/client";
import { parseDirectoryQuery } from "~/network/directory-query";
import { directoryQueries } from "~/network/directory.server";
import pg from "pg";
const h = await createDatabase({ url: "postgres://postgres@127.0.0.1:5432/owf_bench_directory" });
const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/owf_bench_directory", max: 1 });
const c = await pool.connect();
await c.query("begin"); await c.query("set local enable_seqscan=off");
for (const q of [process.argv[2]!]) {
  const { results, facets } = directoryQueries(h.db, parseDirectoryQuery(new URLSearchParams(q)), "public");
  for (const x of [results, facets]) {
    const r = await c.query("explain analyze " + x.sql, [...x.parameters]);
    console.log(r.rows.map((x: any) => x["QUERY PLAN"]).filter((l: string) => /Scan|Execution|Cond|Filter|Rows Removed/.test(l)).slice(0, 12).join("\n"));
  }
}
await c.query("rollback"); c.release(); await pool.end(); await h.close();
