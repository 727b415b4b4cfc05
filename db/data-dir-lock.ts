import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Who holds an embedded database directory, written beside it as `<dir>.lock`. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** The process's start time from /proc (Linux), so a reused pid is not mistaken for the holder. */
  processStart: string | null;
  command: string;
  since: string;
  nonce: string;
}

export class DataDirectoryInUseError extends Error {
  override name = "DataDirectoryInUseError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}) since ${holder.since}. ` +
        "Only one process may open it: stop that process first, or point DATABASE_URL at PostgreSQL to run several.",
    );
  }
}

function processStart(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the holder may still be running; when in doubt (another machine), it is. */
export function isHolderRunning(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const start = processStart(holder.pid);
  return !(start && holder.processStart && start !== holder.processStart);
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded database directory for this process alone, or throws naming the process
 * that has it. PGlite has no lock of its own, and two processes on one directory each keep
 * their own copy in memory: the first one's acknowledged writes are lost. The lock file appears
 * complete or not at all (written aside, then hard-linked into place, which fails if it exists);
 * a lock left by a process that died is taken over. Returns the function that releases it.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(" ")): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStart(process.pid),
    command,
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString("hex"),
  };
  const draft = `${file}.${me.nonce}`;
  writeFileSync(draft, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, file);
        return () => {
          if (readHolder(file)?.nonce === me.nonce) rmSync(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = readHolder(file);
      if (holder && isHolderRunning(holder)) throw new DataDirectoryInUseError(dataDir, holder);
      takeOverStale(file, holder);
    }
    throw new Error(`Could not lock ${dataDir}: the lock file keeps changing`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Moves a dead holder's lock aside; if what moved was not that lock (someone just took it), puts it back. */
function takeOverStale(file: string, stale: LockHolder | null) {
  const grave = `${file}.stale-${randomBytes(6).toString("hex")}`;
  try {
    renameSync(file, grave);
  } catch {
    return;
  }
  const moved = readHolder(grave);
  if (stale && moved && moved.nonce !== stale.nonce) {
    try {
      linkSync(grave, file);
    } catch {
      // Someone else has locked it meanwhile; the next attempt will see them.
    }
  }
  rmSync(grave, { force: true });
}
