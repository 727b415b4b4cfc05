import { expect, it } from "vitest";
import { createUser, describeServer, get, post } from "../../support/server";
import { uniqueEmail } from "../../support/db";

describeServer("security headers and request checks", (t) => {
  it("sends a nonce-based CSP whose nonce is on every script, and the other headers", async () => {
    const response = await get(t.server, "/login");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await get(t.server, "/login");
    expect(second.headers.get("Content-Security-Policy")).not.toBe(csp);
  });

  it("refuses a POST from another origin before the action runs", async () => {
    const email = uniqueEmail("csrf");
    const foreign = await post(
      t.server,
      "/signup",
      { name: "X", email, password: "long enough password" },
      { headers: { Origin: "https://evil.example" } },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await post(
      t.server,
      "/signup",
      { name: "X", email, password: "long enough password" },
      { headers: { "Sec-Fetch-Site": "cross-site" } },
    );
    expect(crossSite.status).toBe(403);
    const rows = await t.server.db.selectFrom("verifications").select("id").where("target", "=", email).execute();
    expect(rows).toEqual([]);
  });

  it("marks pages and data requests of signed-in users no-store", async () => {
    const user = await createUser(t.server);
    for (const path of ["/", "/me/account", "/me/account.data"]) {
      const response = await get(t.server, path, { cookie: user.cookie });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
    }
  });

  it("does not leak a stack trace for a malformed body", async () => {
    const response = await fetch(new URL("/login", t.server.url), {
      method: "POST",
      headers: { Origin: t.server.url, "Content-Type": "multipart/form-data; boundary=nothing" },
      body: "this is not multipart",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at [\w.]+ \(|node_modules|\.ts:\d+/);
  });

  it("answers an unknown page with a 404 page", async () => {
    const response = await get(t.server, "/no/such/page");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("reports health with the database", async () => {
    const response = await get(t.server, "/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers a NUL byte in the address or a form with 400, not a database error", async () => {
    expect((await get(t.server, "/cycles/%00")).status).toBe(400);
    expect((await get(t.server, "/staff/users?q=a%00b")).status).toBe(400);
    const form = await post(t.server, "/signup", {
      name: "Nul\u0000Name",
      email: "nul@example.org",
      password: "long enough password",
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain("NUL byte");
  });

  it("refuses a body of unknown length", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a%40example.org"));
        controller.close();
      },
    });
    const response = await fetch(new URL("/login", t.server.url), {
      method: "POST",
      headers: { Origin: t.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it("refuses bodies over the size limit", async () => {
    const response = await fetch(new URL("/login", t.server.url), {
      method: "POST",
      headers: { Origin: t.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(26 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });
});
