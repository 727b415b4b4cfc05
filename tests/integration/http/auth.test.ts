import { afterAll, beforeAll, expect, it } from "vitest";
import { deliverDueEmails } from "~/email/delivery.server";
import { createSmtpTransport } from "~/email/smtp.server";
import { uniqueEmail } from "../../support/db";
import {
  cookieHeader,
  createUser,
  describeServer,
  get,
  pageText,
  post,
  TEST_PASSWORD,
  type TestServer,
} from "../../support/server";
import { codeIn, TestSmtpServer } from "../../support/smtp";

const smtp = new TestSmtpServer();
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

async function deliver(server: TestServer) {
  const transport = createSmtpTransport(smtp.url);
  await deliverDueEmails(server.db, transport, { from: "fellows@example.org", maxAttempts: 3 });
  transport.close?.();
}

function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith("owf_session="));
  if (!setCookie) throw new Error("no session cookie was set");
  return cookieHeader(setCookie);
}

describeServer("accounts over HTTP", (t) => {
  it("signs up with the code received over SMTP, then signs out", async () => {
    const email = uniqueEmail("signup");
    // Finding 5 of issue 11: an easy password is a field error (400), not an account.
    const weak = await post(t.server, "/signup", { name: "Noor Haddad", email, password: "noorhaddad1" });
    expect(weak.status).toBe(400);
    expect(await pageText(weak)).toContain("This password is too easy to guess.");
    const signup = await post(t.server, "/signup", { name: "Noor Haddad", email, password: TEST_PASSWORD });
    expect(signup.status).toBe(302);
    expect(signup.headers.get("Location")).toBe(`/verify?email=${encodeURIComponent(email)}`);

    await deliver(t.server);
    const [message] = smtp.messagesTo(email);
    expect(message?.subject).toBe("Your Open Web Fellows sign-up code");
    const verify = await post(t.server, "/verify", { intent: "verify", email, code: codeIn(message!.text) });
    expect(verify.status).toBe(302);
    const cookie = sessionCookieOf(verify);

    const home = await get(t.server, "/", { cookie });
    expect(await pageText(home)).toContain("Welcome, Noor Haddad");
    expect(home.headers.get("Cache-Control")).toBe("no-store");

    const logout = await post(t.server, "/logout", {}, { cookie });
    expect(logout.status).toBe(302);
    const after = await get(t.server, "/me/account", { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Fme%2Faccount");
  });

  it("carries a same-origin destination (an invitation link) through sign-up, and drops a foreign one", async () => {
    const email = uniqueEmail("invited");
    const signup = await post(t.server, "/signup", {
      name: "Invited Person",
      email,
      password: TEST_PASSWORD,
      redirectTo: "/invitations/abc",
    });
    expect(signup.headers.get("Location")).toBe(
      `/verify?${new URLSearchParams({ email, redirectTo: "/invitations/abc" })}`,
    );
    await deliver(t.server);
    const code = codeIn(smtp.messagesTo(email)[0]!.text);
    const verify = await post(t.server, "/verify", { intent: "verify", email, code, redirectTo: "/invitations/abc" });
    expect(verify.headers.get("Location")).toBe("/invitations/abc");
    const foreign = await post(t.server, "/signup", {
      name: "X",
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      redirectTo: "//evil.example",
    });
    expect(foreign.headers.get("Location")).not.toContain("evil");
  });

  it("shows the same screen for a taken address, and emails the owner instead", async () => {
    const owner = await createUser(t.server);
    const response = await post(t.server, "/signup", { name: "Someone", email: owner.email, password: TEST_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/verify?email=${encodeURIComponent(owner.email)}`);
    await deliver(t.server);
    expect(smtp.messagesTo(owner.email).map((m) => m.subject)).toEqual([
      "You already have an Open Web Fellows account",
    ]);
  });

  it("says the same for an unknown email and a wrong password", async () => {
    const user = await createUser(t.server);
    const headers = { "X-Forwarded-For": "10.201.0.1" };
    const unknown = await post(t.server, "/login", { email: uniqueEmail(), password: TEST_PASSWORD }, { headers });
    const wrong = await post(t.server, "/login", { email: user.email, password: "not the password" }, { headers });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const [a, b] = [await unknown.text(), await wrong.text()];
    expect(a).toContain("Email or password is not right.");
    expect(b).toContain("Email or password is not right.");
  });

  it("gives a new session id at sign-in and ends the one the browser carried", async () => {
    const user = await createUser(t.server);
    const login = await post(
      t.server,
      "/login",
      { email: user.email, password: TEST_PASSWORD },
      { cookie: user.cookie },
    );
    expect(login.status).toBe(302);
    const fresh = sessionCookieOf(login);
    expect(fresh).not.toBe(user.cookie);
    expect((await get(t.server, "/me/account", { cookie: user.cookie })).status).toBe(302);
    expect((await get(t.server, "/me/account", { cookie: fresh })).status).toBe(200);
  });

  it("follows only same-origin redirectTo paths after sign-in", async () => {
    const user = await createUser(t.server);
    const cases: [string, string][] = [
      ["/staff", "/staff"],
      ["//evil.example", "/"],
      ["/\\evil.example", "/"],
      ["javascript:alert(1)", "/"],
      ["https://evil.example/x", "/"],
      ["/\t/evil.example", "/"],
    ];
    for (const [redirectTo, expected] of cases) {
      const login = await post(t.server, "/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
      expect(login.headers.get("Location"), redirectTo).toBe(expected);
    }
  });

  it("lets 200 correct sign-ins at once from one address all in, and limits nobody after them", async () => {
    // A campus, a NAT or a proxy without TRUST_PROXY: many people, one address, deadline day.
    const address = { "X-Forwarded-For": "10.201.0.1" };
    const users = await Promise.all(Array.from({ length: 50 }, () => createUser(t.server)));
    const attempts = Array.from({ length: 200 }, (_, i) => users[i % users.length]!);
    const responses = await Promise.all(
      attempts.map((user) =>
        post(t.server, "/login", { email: user.email, password: TEST_PASSWORD }, { headers: address }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 302)).toEqual([]);
    expect(new Set(responses.map((response) => response.headers.get("Location")))).toEqual(new Set(["/"]));
    const after = await post(
      t.server,
      "/login",
      { email: users[0]!.email, password: TEST_PASSWORD },
      { headers: address },
    );
    expect(after.status).toBe(302);
  });

  it("never refuses the correct password after failures from many addresses: an emailed code completes the sign-in", async () => {
    const user = await createUser(t.server);
    for (let i = 0; i < 12; i++) {
      const attempt = await post(
        t.server,
        "/login",
        { email: user.email, password: `wrong-${i}` },
        { headers: { "X-Forwarded-For": `10.200.${i}.${i + 1}` } },
      );
      expect(attempt.status).toBe(401);
    }
    const correct = await post(t.server, "/login", {
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "/me/account",
    });
    expect(correct.status).toBe(302);
    expect(correct.headers.get("Location")).toBe(
      `/login/code?${new URLSearchParams({ email: user.email, redirectTo: "/me/account" })}`,
    );
    expect(correct.headers.getSetCookie().some((value) => value.startsWith("owf_session="))).toBe(false);
    const page = await get(t.server, correct.headers.get("Location")!);
    expect(await pageText(page)).toContain("we have emailed you a 6-digit code");

    await deliver(t.server);
    const [message] = smtp.messagesTo(user.email);
    expect(message?.subject).toBe("Your Open Web Fellows sign-in code");
    const wrong = await post(t.server, "/login/code", { email: user.email, code: "000000", redirectTo: "/me/account" });
    expect(wrong.status).toBe(401);
    expect(await pageText(wrong)).toContain("That code is not right");
    const signedIn = await post(t.server, "/login/code", {
      email: user.email,
      code: codeIn(message!.text),
      redirectTo: "/me/account",
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/me/account");
    const account = await get(t.server, "/me/account", { cookie: sessionCookieOf(signedIn) });
    expect(account.status).toBe(200);
    // Signing in with both factors clears the account's failures: the next sign-in is direct.
    const next = await post(t.server, "/login", { email: user.email, password: TEST_PASSWORD });
    expect(next.headers.get("Location")).toBe("/");
  });

  it("asks for an emailed code, never refuses, when one address has failed many times across accounts", async () => {
    const address = { "X-Forwarded-For": "10.202.0.1" };
    for (let i = 0; i < 20; i++) {
      const attempt = await post(
        t.server,
        "/login",
        { email: uniqueEmail("spray"), password: TEST_PASSWORD },
        { headers: address },
      );
      expect(attempt.status).toBe(401);
    }
    const user = await createUser(t.server);
    const fromThere = await post(
      t.server,
      "/login",
      { email: user.email, password: TEST_PASSWORD },
      { headers: address },
    );
    expect(fromThere.status).toBe(302);
    expect(fromThere.headers.get("Location")).toMatch(/^\/login\/code\?/);
    const elsewhere = await post(t.server, "/login", { email: user.email, password: TEST_PASSWORD });
    expect(elsewhere.headers.get("Location")).toBe("/");
  });

  it("limits how many codes one connection can have sent", async () => {
    const headers = { "X-Forwarded-For": "10.203.0.9" };
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const response = await post(t.server, "/forgot-password", { email: uniqueEmail("flood") }, { headers });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
        expect(await pageText(response)).toContain("Too many attempts from your connection");
      }
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(302));
    expect(statuses[10]).toBe(429);
  });

  it("gives a burst of code requests from one address exactly its allowance, none refused for the others", async () => {
    const headers = { "X-Forwarded-For": "10.204.0.9" };
    const responses = await Promise.all(
      Array.from({ length: 16 }, () =>
        post(t.server, "/forgot-password", { email: uniqueEmail("burst") }, { headers }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(10).fill(302), ...Array(6).fill(429)]);
  });

  it("resets a forgotten password with the emailed code", async () => {
    const user = await createUser(t.server);
    const forgot = await post(t.server, "/forgot-password", { email: user.email });
    expect(forgot.headers.get("Location")).toBe(`/reset-password?email=${encodeURIComponent(user.email)}`);
    await deliver(t.server);
    const [message] = smtp.messagesTo(user.email).filter((m) => m.subject.includes("reset"));
    const weak = await post(t.server, "/reset-password", {
      email: user.email,
      code: codeIn(message!.text),
      password: "1234567890",
      confirmPassword: "1234567890",
    });
    expect(weak.status).toBe(400);
    expect(await pageText(weak)).toContain("This password is too easy to guess. This is a frequently used password.");
    const newPassword = "a brand new password";
    const reset = await post(t.server, "/reset-password", {
      email: user.email,
      code: codeIn(message!.text),
      password: newPassword,
      confirmPassword: newPassword,
    });
    expect(reset.status).toBe(302);
    expect((await get(t.server, "/me/account", { cookie: user.cookie })).status).toBe(302);
    const login = await post(t.server, "/login", { email: user.email, password: newPassword });
    expect(login.status).toBe(302);
  });

  it("lists a user's sessions and ends one of them; another user's session id answers 404", async () => {
    const user = await createUser(t.server);
    const other = await createUser(t.server);
    const second = await post(t.server, "/login", { email: user.email, password: TEST_PASSWORD });
    const secondCookie = sessionCookieOf(second);
    const page = await get(t.server, "/me/account", { cookie: user.cookie });
    const html = await page.text();
    const ids = [...html.matchAll(/name="sessionId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);

    const otherPage = await (await get(t.server, "/me/account", { cookie: other.cookie })).text();
    const otherId = /name="sessionId" value="([0-9a-f-]{36})"/.exec(otherPage)![1]!;
    const foreign = await post(
      t.server,
      "/me/account",
      { intent: "end-session", sessionId: otherId },
      { cookie: user.cookie },
    );
    expect(foreign.status).toBe(404);
    expect((await get(t.server, "/me/account", { cookie: other.cookie })).status).toBe(200);

    const endOthers = await post(t.server, "/me/account", { intent: "end-other-sessions" }, { cookie: user.cookie });
    expect(endOthers.status).toBe(302);
    expect((await get(t.server, "/me/account", { cookie: secondCookie })).status).toBe(302);
    expect((await get(t.server, "/me/account", { cookie: user.cookie })).status).toBe(200);
  });
});
