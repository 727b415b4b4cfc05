import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Starts the portal the way `npm start` does, and waits until it says where it runs. */
async function start(env: Record<string, string>): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    cwd: process.cwd(),
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes("Demo sign-ins") || output.includes("is running at")) {
        clearTimeout(timer);
        // The sign-ins are printed right after the address.
        setTimeout(resolve, 200);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

async function stop({ child }: Started): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("npm start on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "owf-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds the demo once, prints the sign-ins, serves, stops on SIGTERM and keeps data across restarts", async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: path.join(dataDir, "db") };
    const first = await start(env);
    try {
      expect(first.output()).toContain("Empty database: adding the demo program");
      for (const email of [
        "staff@demo.test",
        "reviewer@demo.test",
        "partner@demo.test",
        "ally@demo.test",
        "applicant@demo.test",
      ]) {
        expect(first.output()).toContain(email);
      }
      expect(first.output()).toContain('password "open-web-fellows"');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: "ok", database: "ok" });
      const signup = await fetch(`http://127.0.0.1:${port}/signup`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: `http://127.0.0.1:${port}` },
        body: new URLSearchParams({
          name: "Kept Across Restarts",
          email: "kept@example.org",
          password: "long enough password",
        }),
      });
      expect(signup.status).toBe(302);
      // Without SMTP the code reaches the server log, which is how someone trying the demo signs up.
      await vi.waitFor(() => expect(first.output()).toMatch(/Email to kept@example.org[\s\S]*?\b\d{6}\b/), {
        timeout: 5000,
      });
      const code = /Email to kept@example.org[\s\S]*?\b(\d{6})\b/.exec(first.output())![1]!;
      const verify = await fetch(`http://127.0.0.1:${port}/verify`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: `http://127.0.0.1:${port}` },
        body: new URLSearchParams({ intent: "verify", email: "kept@example.org", code }),
      });
      expect(verify.status).toBe(302);
      expect(verify.headers.get("Location")).toBe("/");
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await start(env);
    try {
      expect(second.output()).not.toContain("Empty database");
      for (const [email, password] of [
        ["staff@demo.test", "open-web-fellows"],
        ["kept@example.org", "long enough password"],
      ]) {
        const login = await fetch(`http://127.0.0.1:${port}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: `http://127.0.0.1:${port}` },
          body: new URLSearchParams({ email: email!, password: password! }),
        });
        expect(login.status, email).toBe(302);
      }
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 120_000);
});
