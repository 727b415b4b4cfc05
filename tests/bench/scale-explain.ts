/**
 * EXPLAIN (ANALYZE, BUFFERS) of directory searches for `npm run bench:scale`: the heap blocks the
 * bitmap scans read exactly and lossily, at PostgreSQL's default work_mem and at the directory's
 * own (DIRECTORY_WORK_MEM), so the output shows whether a plan went lossy.
 */
import { sql } from "kysely";
import type { DB } from "#db/client";
import { parseDirectoryQuery } from "~/network/directory-query";
import { directoryQueries, DIRECTORY_WORK_MEM } from "~/network/directory.server";

export interface ExplainFigures {
  query: string;
  workMem: string;
  exactBlocks: number;
  lossyBlocks: number;
  ms: number;
}

/** Heap blocks read by the bitmap scans of one search (summed over every bitmap node). */
export async function explainSearch(db: DB, queryString: string, workMem: string): Promise<ExplainFigures> {
  const [settings, search] = directoryQueries(db, parseDirectoryQuery(new URLSearchParams(queryString)), "public");
  return db.transaction().execute(async (trx) => {
    await trx.executeQuery(settings!);
    await sql`select set_config('work_mem', ${workMem}, true)`.execute(trx);
    const { rows } = await trx.executeQuery<{ "QUERY PLAN": string }>({
      ...search!,
      sql: `explain (analyze, buffers) ${search!.sql}`,
    });
    const plan = rows.map((row) => Object.values(row)[0] as string).join("\n");
    let exactBlocks = 0;
    let lossyBlocks = 0;
    for (const match of plan.matchAll(/Heap Blocks:(?: exact=(\d+))?(?: lossy=(\d+))?/g)) {
      exactBlocks += Number(match[1] ?? 0);
      lossyBlocks += Number(match[2] ?? 0);
    }
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    if (process.env.BENCH_PLANS) console.log(`-- ${queryString} (work_mem ${workMem})\n${plan}`);
    return { query: queryString, workMem, exactBlocks, lossyBlocks, ms };
  });
}

/** The broadest searches of the mix, at the default work_mem and at the directory's. */
export async function explainDirectory(db: DB, queries: readonly string[], log: (line: string) => void) {
  const figures: ExplainFigures[] = [];
  for (const query of queries) {
    for (const workMem of ["4MB", DIRECTORY_WORK_MEM]) {
      const figure = await explainSearch(db, query, workMem);
      figures.push(figure);
      log(
        `explain "${query || "(first page)"}" work_mem=${workMem}: heap blocks exact=${figure.exactBlocks} lossy=${figure.lossyBlocks}, ${figure.ms.toFixed(1)} ms`,
      );
    }
  }
  return figures;
}
