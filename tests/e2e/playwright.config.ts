import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// Settled once in the main process; workers inherit the environment, so they agree on it.
process.env.E2E_DB_NAME ??= `owf_e2e_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
process.env.E2E_PORT ??= "3210";
process.env.E2E_SMTP_PORT ??= "2526";
process.env.E2E_MAILBOX_PORT ??= "2527";
// The OpenID provider's port follows the portal's, so each engineer's port block holds all four.
process.env.E2E_OIDC_PORT ??= String(Number(process.env.E2E_PORT) + 3);
process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const oidcIssuer = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "../../test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // A safety net, not a measure: four axe checks and a sign-in pass 30 s when both cores are busy.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Chromium as root in a container, on a machine without a network beyond loopback.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "node --import tsx tests/e2e/support/mailbox.ts",
      cwd: "../..",
      url: `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The program's OpenID provider (oidc-provider, with its development login pages).
      command: "node --import tsx tests/e2e/support/oidc-provider.ts",
      cwd: "../..",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      stdout: "ignore",
      // Its start-up warnings (Node 20 is below its supported runtime; development adapter and pages) show here.
      stderr: "pipe",
    },
    {
      // The production build on a throwaway PostgreSQL database, emails delivered to the mailbox above.
      command: "node --import tsx tests/e2e/support/serve.ts",
      cwd: "../..",
      url: `${baseURL}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      // SIGTERM lets the portal stop and drop its throwaway database (the default is SIGKILL).
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: process.env.E2E_PORT,
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        SESSION_SECRET: "e2e-secret-that-is-long-enough-for-signing",
        // Each test names its own client address, so one test's failed sign-ins never limit another's.
        TRUST_PROXY: "1",
        OUTBOX_POLL_MS: "100",
        SEED_DEMO: "1",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: "fellowship-portal",
        OIDC_CLIENT_SECRET: "a-client-secret-for-the-test-provider",
        OIDC_PROVIDER_NAME: "Fellows ID",
      },
    },
  ],
});
