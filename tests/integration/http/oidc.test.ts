import { afterAll, beforeAll, expect, it } from "vitest";
import { confirmAccountDeletion, requestAccountDeletion } from "~/privacy/privacy.server";
import { uniqueEmail } from "../../support/db";
import { latestEmailTo } from "../../support/outbox";
import { codeIn } from "../../support/smtp";
import { CookieBrowser } from "../../support/oidc-browser";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  startTestOidcProvider,
  type TestOidcProvider,
} from "../../support/oidc-provider";
import { createUser, describeServer, get, pageText, randomAddress, type TestServer } from "../../support/server";

// The portal signs in through a real OpenID provider (oidc-provider) on a loopback port. The
// issuer must be in the portal's environment before it starts, so the provider starts first and
// learns each portal's callback once that portal listens.
const env: Record<string, string> = {};
let provider: TestOidcProvider;
beforeAll(async () => {
  provider = await startTestOidcProvider();
  Object.assign(env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_PROVIDER_NAME: "Test Provider",
  });
});
afterAll(() => provider.close());

const isCallback = (url: URL) => url.pathname === "/auth/oidc/callback";

/** Starts at the portal and signs in at the provider's login page; stops before the portal's callback. */
async function signInAtProvider(
  server: TestServer,
  login: string,
  options: { redirectTo?: string; browser?: CookieBrowser; tamper?: (authorizeUrl: URL) => void } = {},
): Promise<{ browser: CookieBrowser; callback: URL }> {
  const browser = options.browser ?? new CookieBrowser({ "X-Forwarded-For": randomAddress() });
  const start = new URL("/auth/oidc", server.url);
  if (options.redirectTo) start.searchParams.set("redirectTo", options.redirectTo);
  const started = await browser.request(start);
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get("Location")!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  options.tamper?.(authorize);
  const atProvider = await browser.follow(authorize, await browser.request(authorize), isCallback);
  if (!atProvider.response) return { browser, callback: atProvider.url };
  const html = await atProvider.response.text();
  const action = /<form autocomplete="off" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at the provider: ${html.slice(0, 300)}`);
  const submit = new URL(action, atProvider.url);
  const submitted = await browser.request(submit, { form: { prompt: "login", login, password: "any" } });
  const back = await browser.follow(submit, submitted, isCallback);
  if (!isCallback(back.url)) throw new Error(`the provider did not send the browser back: ${back.url.href}`);
  return { browser, callback: back.url };
}

function auditActions(server: TestServer, userId: string) {
  return server.db
    .selectFrom("auditLog")
    .select("action")
    .where("subjectId", "=", userId)
    .where("action", "like", "auth.oidc%")
    .execute()
    .then((rows) => rows.map((row) => row.action));
}

function identitiesOf(server: TestServer, userId: string) {
  return server.db.selectFrom("oidcIdentities").select(["issuer", "subject"]).where("userId", "=", userId).execute();
}

describeServer(
  "single sign-on through a real OpenID provider",
  (t) => {
    beforeAll(() => provider.configure(new URL("/auth/oidc/callback", t.server.url).href));

    it("offers the provider on the sign-in page as a plain link that keeps the destination", async () => {
      const page = await pageText(await get(t.server, "/login?redirectTo=%2Fstaff"));
      expect(page).toContain('href="/auth/oidc?redirectTo=%2Fstaff"');
      expect(page).toContain("Sign in with Test Provider");
    });

    it("links a staff member's existing account by verified email, signs in, and lands where asked", async () => {
      const staff = await createUser(t.server, { staff: true });
      const { browser, callback } = await signInAtProvider(t.server, staff.email, { redirectTo: "/staff" });
      const landed = await browser.request(callback);
      expect(landed.status).toBe(302);
      expect(landed.headers.get("Location")).toBe("/staff");
      // The attempt's cookie is spent with the attempt.
      expect(browser.cookie(t.server.url, "owf_oidc")).toBeUndefined();
      const staffPage = await browser.request(new URL("/staff", t.server.url));
      expect(staffPage.status).toBe(200);
      expect(await pageText(staffPage)).toContain("<h1>Staff</h1>");
      expect(await identitiesOf(t.server, staff.id)).toEqual([{ issuer: provider.issuer, subject: staff.email }]);
      expect(await auditActions(t.server, staff.id)).toEqual(["auth.oidc_linked"]);
    });

    it("signs in again by the identity's subject, even after the email changed at the provider", async () => {
      const user = await createUser(t.server);
      const first = await signInAtProvider(t.server, user.email);
      expect((await first.browser.request(first.callback)).status).toBe(302);
      provider.accounts.set(user.email, { email: uniqueEmail("moved"), emailVerified: true, name: "Moved" });
      try {
        const second = await signInAtProvider(t.server, user.email);
        const landed = await second.browser.request(second.callback);
        expect(landed.status).toBe(302);
        expect(landed.headers.get("Location")).toBe("/");
        const home = await second.browser.request(new URL("/", t.server.url));
        expect(await pageText(home)).toContain(`Welcome, ${user.name}`);
      } finally {
        provider.accounts.delete(user.email);
      }
      expect(await auditActions(t.server, user.id)).toEqual(["auth.oidc_linked"]);
      const sessions = await t.server.db.selectFrom("sessions").select("id").where("userId", "=", user.id).execute();
      expect(sessions).toHaveLength(3); // createUser's, and one per sign-in
    });

    it("creates an applicant account (no roles, no password) for a verified email it does not know", async () => {
      const email = uniqueEmail("newcomer");
      const { browser, callback } = await signInAtProvider(t.server, email);
      const landed = await browser.request(callback);
      expect(landed.status).toBe(302);
      const user = await t.server.db
        .selectFrom("users")
        .select(["id", "name", "passwordHash", "emailVerifiedAt"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      expect(user.passwordHash).toBeNull();
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(user.name).toBe(`Provider ${email.split("@")[0]}`);
      expect(await t.server.db.selectFrom("userRoles").select("role").where("userId", "=", user.id).execute()).toEqual(
        [],
      );
      expect(await auditActions(t.server, user.id)).toEqual(["auth.oidc_account_created"]);
      expect((await browser.request(new URL("/staff", t.server.url))).status).toBe(403);
    });

    it("keeps the language of a newcomer's browser as their account's", async () => {
      const email = uniqueEmail("hablante");
      const browser = new CookieBrowser({ "X-Forwarded-For": randomAddress(), "Accept-Language": "es-MX, en;q=0.5" });
      const { callback } = await signInAtProvider(t.server, email, { browser });
      expect((await browser.request(callback)).status).toBe(302);
      const user = await t.server.db
        .selectFrom("users")
        .select("locale")
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      expect(user.locale).toBe("es");
    });

    it("refuses an email the provider has not verified, with a page that says so, and links nothing", async () => {
      const user = await createUser(t.server);
      const { browser, callback } = await signInAtProvider(t.server, `unverified:${user.email}`);
      const refused = await browser.request(callback);
      expect(refused.status).toBe(403);
      const text = await pageText(refused);
      expect(text).toContain("Your email address is not verified");
      expect(text).toContain("Test Provider has not verified your email address");
      expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith("owf_session="))).toBe(false);
      expect(await identitiesOf(t.server, user.id)).toEqual([]);
    });

    it("refuses an answer whose state is not this browser's attempt", async () => {
      const user = await createUser(t.server);
      const { browser, callback } = await signInAtProvider(t.server, user.email);
      callback.searchParams.set("state", "someone-elses-state");
      const refused = await browser.request(callback);
      expect(refused.status).toBe(400);
      expect(await pageText(refused)).toContain("This sign-in does not match");
      expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith("owf_session="))).toBe(false);
      expect(await identitiesOf(t.server, user.id)).toEqual([]);
    });

    it("refuses an answer started in another browser (an attacker's code sent to a victim)", async () => {
      const user = await createUser(t.server);
      const { callback } = await signInAtProvider(t.server, user.email);
      const victim = new CookieBrowser({ "X-Forwarded-For": randomAddress() });
      const refused = await victim.request(callback);
      expect(refused.status).toBe(400);
      expect(await pageText(refused)).toContain("This sign-in has expired");
      expect(await identitiesOf(t.server, user.id)).toEqual([]);
    });

    it("refuses an ID token whose nonce is not the attempt's", async () => {
      const user = await createUser(t.server);
      const { browser, callback } = await signInAtProvider(t.server, user.email, {
        tamper: (authorize) => authorize.searchParams.set("nonce", "a-nonce-this-browser-never-made"),
      });
      const refused = await browser.request(callback);
      expect(refused.status).toBe(400);
      expect(await pageText(refused)).toContain("This sign-in could not be verified");
      expect(await identitiesOf(t.server, user.id)).toEqual([]);
    });

    it("refuses a code whose PKCE challenge was not the attempt's", async () => {
      const user = await createUser(t.server);
      const { browser, callback } = await signInAtProvider(t.server, user.email, {
        tamper: (authorize) =>
          authorize.searchParams.set("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
      });
      const refused = await browser.request(callback);
      expect(refused.status).toBe(400);
      expect(await pageText(refused)).toContain("This sign-in could not be verified");
    });

    it("says so when the person cancels at the provider (error=access_denied)", async () => {
      const browser = new CookieBrowser({ "X-Forwarded-For": randomAddress() });
      const started = await browser.request(new URL("/auth/oidc", t.server.url));
      const authorize = new URL(started.headers.get("Location")!);
      const atProvider = await browser.follow(authorize, await browser.request(authorize), isCallback);
      const abort = new URL(`${atProvider.url.pathname}/abort`, atProvider.url);
      const back = await browser.follow(abort, await browser.request(abort), isCallback);
      expect(back.url.searchParams.get("error")).toBe("access_denied");
      const refused = await browser.request(back.url);
      expect(refused.status).toBe(403);
      expect(await pageText(refused)).toContain("Sign-in was cancelled");
    });

    it("forgets the link when the account is deleted: the same identity then starts afresh", async () => {
      const user = await createUser(t.server);
      const first = await signInAtProvider(t.server, user.email);
      expect((await first.browser.request(first.callback)).status).toBe(302);
      expect(await identitiesOf(t.server, user.id)).toHaveLength(1);
      expect(await requestAccountDeletion(t.server.db, t.server.config, user)).toEqual({ ok: true });
      const code = codeIn((await latestEmailTo(t.server.db, user.email))!.text);
      expect(await confirmAccountDeletion(t.server.db, t.server.config, user, code)).toEqual({ ok: true });
      expect(await identitiesOf(t.server, user.id)).toEqual([]);
      const again = await signInAtProvider(t.server, user.email);
      expect((await again.browser.request(again.callback)).status).toBe(302);
      const account = await t.server.db
        .selectFrom("oidcIdentities")
        .select("userId")
        .where("subject", "=", user.email)
        .executeTakeFirstOrThrow();
      expect(account.userId).not.toBe(user.id);
    });

    it("sends the browser only to a destination on this site", async () => {
      const user = await createUser(t.server);
      const { browser, callback } = await signInAtProvider(t.server, user.email, { redirectTo: "//evil.example/x" });
      const landed = await browser.request(callback);
      expect(landed.headers.get("Location")).toBe("/");
    });
  },
  env,
);
