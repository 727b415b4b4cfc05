import { spawn, execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, stopChild, waitForPort } from "./portal-process";

export interface Pgbouncer {
  /** The same database, reached through PgBouncer. */
  url(database: string): string;
  stop(): Promise<void>;
}

/** Debian's PgBouncer (installed by .ci/run) in transaction mode in front of a PostgreSQL server. */
export async function startPgbouncer(serverUrl: string): Promise<Pgbouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "owf-pgbouncer-"));
  const port = await freePort();
  writeFileSync(path.join(dir, "userlist.txt"), `"${server.username}" ""\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
* = host=${server.hostname} port=${server.port || 5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, "userlist.txt")}
pool_mode = transaction
max_client_conn = 200
default_pool_size = 10
`,
  );
  // PgBouncer refuses to run as root: as root (CI) it runs as postgres.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    for (const file of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, file), uid, gid);
  }
  const child = spawn("pgbouncer", [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  await waitForPort(port, child, () => errors);
  return {
    url: (database) => `postgres://${server.username}@127.0.0.1:${port}/${database}`,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
