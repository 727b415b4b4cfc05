import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirectoryInUseError, lockDataDir, type LockHolder } from "#db/data-dir-lock";

const root = mkdtempSync(path.join(tmpdir(), "owf-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function holder(overrides: Partial<LockHolder>): LockHolder {
  return {
    pid: process.pid,
    hostname: hostname(),
    processStart: null,
    command: "npm start",
    since: "2026-12-01T09:00:00.000Z",
    nonce: "0123456789abcdef",
    ...overrides,
  };
}

describe("the embedded database's directory lock", () => {
  it("lets one holder in and names it to the next, until it lets go", () => {
    const dir = path.join(root, "one");
    const release = lockDataDir(dir, "npm start");
    let refused: unknown;
    try {
      lockDataDir(dir, "npm run user:create");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    expect((refused as Error).message).toContain(`in use by process ${process.pid} (npm start)`);
    release();
    const again = lockDataDir(dir, "npm run user:create");
    again();
  });

  it("takes over a lock whose process has died", () => {
    const dir = path.join(root, "dead");
    // A process that has certainly exited: its pid is free (or, if reused, started at another time).
    const exited = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(`${dir}.lock`, JSON.stringify(holder({ pid: Number(exited.stdout), processStart: "1" })));
    const release = lockDataDir(dir, "npm start");
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8"))).toMatchObject({ pid: process.pid, command: "npm start" });
    release();
  });

  it("takes over a lock whose pid now belongs to another process (started at another time)", () => {
    const dir = path.join(root, "reused");
    writeFileSync(`${dir}.lock`, JSON.stringify(holder({ pid: process.pid, processStart: "1" })));
    const release = lockDataDir(dir, "npm start");
    release();
  });

  it("trusts a lock taken on another machine (a shared folder): it cannot tell that process is gone", () => {
    const dir = path.join(root, "elsewhere");
    writeFileSync(`${dir}.lock`, JSON.stringify(holder({ hostname: "another-machine", pid: 1 })));
    expect(() => lockDataDir(dir, "npm start")).toThrow(DataDirectoryInUseError);
  });
});
