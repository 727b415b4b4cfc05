import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { cookieHeader } from "../support/http";
import { freePort, runNode, startPortalProcess, stopPortalProcess } from "../support/portal-process";

describe("npm start on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "owf-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds the demo once, prints the sign-ins, serves, stops on SIGTERM and keeps data across restarts", async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: path.join(dataDir, "db") };
    const first = await startPortalProcess(env);
    try {
      expect(first.output()).toContain("Empty database: added the demo program.");
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

      // The embedded database is this process's alone: a second server and a command both refuse, naming it.
      const another = runNode("app/server/main.ts", { ...env, PORT: String(await freePort()) });
      expect(await another.exited).toBe(1);
      expect(another.output()).toContain(`is in use by process ${first.child.pid}`);
      const command = runNode("app/cli/user-create.ts", { ...env, USER_PASSWORD: "a long enough password" }, [
        "--email",
        "late@example.org",
      ]);
      expect(await command.exited).toBe(1);
      expect(command.output()).toContain(`is in use by process ${first.child.pid}`);
      expect(command.output()).not.toContain("Account ready");
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      expect(await stopPortalProcess(first)).toBe(0);
    }

    // Once the server has stopped, the command works, for a password that is not easy to guess.
    const weak = runNode("app/cli/user-create.ts", { ...env, USER_PASSWORD: "password12" }, [
      "--email",
      "late@example.org",
    ]);
    expect(await weak.exited).toBe(1);
    expect(weak.output()).toContain("This password is too easy to guess. This is a commonly used password.");
    const badEmail = runNode("app/cli/user-create.ts", { ...env, USER_PASSWORD: "a long enough password" }, [
      "--email",
      "late-at-example.org",
    ]);
    expect(await badEmail.exited).toBe(1);
    // In words, not the form schema's catalog key.
    expect(badEmail.output()).toContain("--email: Enter a valid email address, like name@example.org");
    const command = runNode("app/cli/user-create.ts", { ...env, USER_PASSWORD: "a long enough password" }, [
      "--email",
      "late@example.org",
    ]);
    expect(await command.exited).toBe(0);
    expect(command.output()).toContain("Account ready: late@example.org");

    // Every ranking fit on a worker thread (normally only above 1,500 reviews): the compiled server
    // must find the compiled worker (it once looked in build/build/cli and answered 500).
    const second = await startPortalProcess({ ...env, RANKING_WORKER_ABOVE: "0" });
    try {
      expect(second.output()).not.toContain("Empty database");
      let staffCookie = "";
      for (const [email, password] of [
        ["staff@demo.test", "open-web-fellows"],
        ["kept@example.org", "long enough password"],
        ["late@example.org", "a long enough password"],
      ]) {
        const login = await fetch(`http://127.0.0.1:${port}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: `http://127.0.0.1:${port}` },
          body: new URLSearchParams({ email: email!, password: password! }),
        });
        expect(login.status, email).toBe(302);
        if (email === "staff@demo.test") staffCookie = cookieHeader(login.headers.get("Set-Cookie")!);
      }
      const ranking = await fetch(`http://127.0.0.1:${port}/staff/cycles/open-web-2026/ranking`, {
        headers: { Cookie: staffCookie },
      });
      const html = await ranking.text();
      expect(ranking.status, html.slice(0, 500)).toBe(200);
      expect(html).toContain("Calibrated (95 % interval)");
    } finally {
      expect(await stopPortalProcess(second)).toBe(0);
    }
  }, 120_000);
});
