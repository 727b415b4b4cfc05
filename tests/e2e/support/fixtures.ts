import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { Kysely, PostgresDialect, CamelCasePlugin } from "kysely";
import pg from "pg";
import type { Database } from "#db/types";
import { hashPassword } from "~/auth/password.server";
import { loadConfig } from "~/utils/config.server";
import type { ReceivedEmail } from "../../support/smtp";

export { expect };

/**
 * The configuration for what a test prepares through the app's own functions (review fixtures,
 * digests, queued emails): the links it writes name the browser tests' server.
 */
export const fixtureConfig = loadConfig({
  SESSION_SECRET: "e2e-fixture-secret-long-enough-to-sign",
  APP_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? "3210"}`,
});

export interface Mailbox {
  /** Waits for the next message to `to` whose subject contains `subject`, and returns it. */
  waitFor(to: string, subject: string, options?: { after?: number }): Promise<ReceivedEmail>;
  count(to: string): Promise<number>;
  /** Every email to `to` whose subject includes `subject`, in the order received. */
  list(to: string, subject: string): Promise<ReceivedEmail[]>;
}

function randomAddress() {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

export function uniqueEmail(label = "e2e"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.org`;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
}

/**
 * Runs axe on the page as it is now: no serious or critical violation is allowed. axe needs
 * JavaScript, so a page seen without it is checked as a copy: the same HTML (scripts removed)
 * served at the same address to a JavaScript-enabled page, so its stylesheets load as usual.
 */
async function checkAccessible(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) {
    expect(await seriousViolations(page), `accessibility of ${page.url()}`).toEqual([]);
    return;
  }
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser()!;
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await copy.goto(url);
    expect(await seriousViolations(copy), `accessibility of ${url} (without JavaScript)`).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The six-digit code in an email. */
export function codeIn(email: ReceivedEmail): string {
  const match = /\b(\d{6})\b/.exec(email.text);
  if (!match) throw new Error(`no code in ${email.subject}`);
  return match[1]!;
}

/**
 * Signs the page's browser in through the real sign-in action, without the round trip through the
 * form (tests of the sign-in form itself live in auth.spec.ts). Any earlier session is dropped.
 */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post("/login", {
    form: { email: account.email, password: account.password },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${account.email}`).toBe(302);
}

export interface Account {
  id: string;
  email: string;
  name: string;
  password: string;
}

interface Fixtures {
  /** Creates a verified account of its own for the test (staff if asked). */
  createAccount: (options?: { name?: string; staff?: boolean }) => Promise<Account>;
  mailbox: Mailbox;
  db: Kysely<Database>;
  /** Checks the page with axe (see checkAccessible). */
  expectAccessible: (page: Page) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // Each test is its own client address, as far as the portal's rate limits can tell.
  extraHTTPHeaders: async ({}, use) => {
    await use({ "X-Forwarded-For": randomAddress() });
  },
  expectAccessible: async ({ javaScriptEnabled }, use) => {
    await use((page) => checkAccessible(page, javaScriptEnabled));
  },
  createAccount: async ({ db }, use) => {
    await use(async (options = {}) => {
      const email = uniqueEmail("account");
      const name = options.name ?? "Test Person";
      const password = "a password for the browser test";
      const user = await db
        .insertInto("users")
        .values({ email, name, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (options.staff)
        await db.insertInto("userRoles").values({ userId: user.id, role: "staff", grantedBy: null }).execute();
      return { id: user.id, email, name, password };
    });
  },
  mailbox: async ({}, use) => {
    const api = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT}/messages`;
    const list = async (to: string): Promise<ReceivedEmail[]> =>
      (await fetch(`${api}?${new URLSearchParams({ to })}`)).json();
    await use({
      async waitFor(to, subject, options = {}) {
        let found: ReceivedEmail | undefined;
        await expect
          .poll(
            async () => {
              const messages = (await list(to)).slice(options.after ?? 0);
              found = messages.find((message) => message.subject.includes(subject));
              return Boolean(found);
            },
            { timeout: 10_000, message: `an email "${subject}" to ${to}` },
          )
          .toBe(true);
        return found!;
      },
      async count(to) {
        return (await list(to)).length;
      },
      async list(to, subject) {
        return (await list(to)).filter((message) => message.subject.includes(subject));
      },
    });
  },
  db: async ({}, use) => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${process.env.E2E_DB_NAME}`;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 2 }) }),
      plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
    });
    await use(db);
    await db.destroy();
  },
});

/** Answers the demo cycle's eligibility screen so that the visitor qualifies (the form opens only then). */
export async function passEligibility(page: Page, cycleSlug: string): Promise<void> {
  await page.goto(`/cycles/${cycleSlug}/eligibility`);
  for (const group of await page.getByRole("group").all()) await group.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Check and continue" }).click();
  await expect(page.getByRole("heading", { name: /^Your (application|letter of intent) to / })).toBeVisible();
}
