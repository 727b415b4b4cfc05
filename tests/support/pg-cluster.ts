import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./portal-process";

/**
 * A throwaway PostgreSQL server of the test's own (initdb in a temporary folder, its own port),
 * for faults that must not touch the machine's shared server: restarts, kill -9 of the
 * postmaster. As root (CI) the server runs as the `postgres` user, since initdb refuses root.
 */
export interface PgCluster {
  port: number;
  /** A connection string for a database on it (trust authentication, user postgres). */
  url(database?: string): string;
  /** `pg_ctl restart -m fast`: every connection is ended, the server is back in about a second. */
  restart(): Promise<void>;
  /** SIGKILL to the postmaster, as a crash would; then start it again (crash recovery). */
  crashAndStart(): Promise<void>;
  postmasterPid(): number;
  destroy(): void;
}

function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "owf-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    return execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]);
  // Later restarts run without blocking this process: the load it drives goes on meanwhile.
  const runAsync = async (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    await promisify(execFile)(command, argv, { cwd: dir });
  };
  const start = () => runAsync("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]);

  const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: () =>
      runAsync("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-m", "fast", "-w", "-t", "30", "restart"]),
    async crashAndStart() {
      process.kill(postmasterPid(), "SIGKILL");
      // The old server's backends notice their postmaster died and exit; until then a new one cannot start.
      for (let attempt = 0; ; attempt++) {
        try {
          await start();
          return;
        } catch (error) {
          if (attempt >= 40) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
    postmasterPid,
    destroy() {
      if (existsSync(path.join(dataDir, "postmaster.pid")))
        spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
          ...(asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
          "-D",
          dataDir,
          "-m",
          "immediate",
          "stop",
        ]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
