/**
 * Start-up and command figures for `npm run bench:scale`, each beside a baseline from the same run:
 * - startup_warm_s: `npm start`'s command (build current, data there) to the first healthy
 *   /healthz, on a PGlite data directory a first start has seeded; baseline: bare Node to a
 *   listening node:http server.
 * - match_cli_10k_ms: `npm run match`'s command on a 10,000-applicant instance; baseline: bare
 *   Node reading and parsing the same file.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../support/portal-process";

const START_COMMAND = ["app/server/start.js"];

/** Seconds from spawning `node <args>` until /healthz answers 200 on `port`; the process is stopped after. */
async function secondsToHealthy(args: string[], env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start-up: exited with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

const BARE_SERVER = `require("node:http").createServer((q, s) => s.end("ok")).listen(+process.env.PORT, "127.0.0.1")`;

export async function measureStartup(print: (name: string, value: string, unit: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), "owf-bench-start-"));
  try {
    const port = await freePort();
    const env = { PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: path.join(dir, "db") };
    print(
      "startup_cold_s",
      (await secondsToHealthy(START_COMMAND, env, port)).toFixed(2),
      "s (empty data, demo seeded)",
    );
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await secondsToHealthy(START_COMMAND, env, port));
    const bare = await secondsToHealthy(["-e", BARE_SERVER], { PORT: String(port) }, port);
    print(
      "startup_warm_s",
      Math.min(...warm).toFixed(2),
      `s (best of 3; target ≤ 3; bare Node baseline ${bare.toFixed(2)} s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A deterministic instance: `applicants` applicants ranking 20 of applicants/10 positions, each ranking whoever ranked it. */
function matchingInstance(applicants: number) {
  const positionCount = applicants / 10;
  const rankers = Array.from({ length: positionCount }, () => [] as string[]);
  const people = Array.from({ length: applicants }, (_, i) => {
    const ranking = [...new Set(Array.from({ length: 20 }, (_, k) => (i * 7919 + k * k * 104729) % positionCount))];
    for (const position of ranking) rankers[position]!.push(`a${i}`);
    return { id: `a${i}`, ranking: ranking.map((position) => `p${position}`) };
  });
  const positions = rankers.map((ranked, p) => ({
    id: `p${p}`,
    seats: 8,
    ranking: ranked.sort((x, y) => ((x.length * 31 + p) % 7) - ((y.length * 31 + p) % 7) || x.localeCompare(y)),
  }));
  return { applicants: people, positions };
}

export function measureMatchCli(print: (name: string, value: string, unit: string) => void, command: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "owf-bench-match-"));
  try {
    const file = path.join(dir, "instance.json");
    writeFileSync(file, JSON.stringify(matchingInstance(10_000)));
    const time = (args: string[]) => {
      const started = performance.now();
      const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
      return performance.now() - started;
    };
    const runs = [0, 1, 2].map(() => time([...command, file]));
    const bare = time(["-e", `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"))`]);
    print(
      "match_cli_10k_ms",
      Math.min(...runs).toFixed(0),
      `ms (best of 3; target ≤ 500; bare Node reading the file ${bare.toFixed(0)} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
