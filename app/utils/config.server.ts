import { z } from "zod";
import { loadIntegrationsConfig, type IntegrationsConfig } from "./integrations-config.server";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => ["1", "true", "yes"].includes(value));

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  SESSION_SECRET: z.string().optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Open Web Fellows <fellowships@localhost>"),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SEED_DEMO: booleanFlag.optional(),
  SERVER_TIMING: booleanFlag.default(false),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(25_000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(2_000),
  // Read where it is used (app/review/fit-worker.server.ts); checked here so a bad value stops the start.
  RANKING_WORKER_ABOVE: z.coerce.number().int().min(0).optional(),
});

export interface AppConfig {
  mode: "development" | "production" | "test";
  port: number;
  host: string;
  /** The public origin, used in email links and as the trusted Origin of forms. */
  appUrl: URL;
  /** Cookies carry `Secure` unless the portal is served over plain http on a loopback host. */
  secureCookies: boolean;
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  /** Newest first: the first signs, all verify, so secrets can be rotated. Empty until resolved. */
  sessionSecrets: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: number;
  /** Whether `npm start` seeds demo data into an empty database. */
  seedDemo: boolean;
  serverTiming: boolean;
  outboxPollMs: number;
  outboxMaxAttempts: number;
  /** PostgreSQL pool size per process, statement timeout (0: not sent) and wait for a connection. */
  database: { poolSize: number; statementTimeoutMs: number; connectTimeoutMs: number };
  /** The longest one SMTP delivery may take; the outbox lease is longer (see delivery.server.ts). */
  smtpTimeoutMs: number;
  /** At SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /**
   * At SIGTERM, how long to keep accepting while the health check already says "draining", so a
   * proxy stops sending here before the listener closes (closing it resets unaccepted connections).
   */
  shutdownDrainMs: number;
  /** Set at start-up: the database was seeded as a demo (its emails and codes are not secret). */
  demoDatabase: boolean;
  /** API, webhooks, metrics and single sign-on (integrations-config.server.ts). */
  integrations: IntegrationsConfig;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the environment once at start-up; a bad value stops the process with its name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const appUrl = new URL(e.APP_URL ?? `http://${hostForUrl(e.HOST)}:${e.PORT}`);
  const loopback = LOOPBACK_HOSTS.has(appUrl.hostname);
  if (appUrl.protocol === "http:" && !loopback) {
    // Plain http would send the session cookie without `Secure`; only a loopback address may do that.
    throw new ConfigError(`APP_URL must use https unless it is a loopback address (got ${appUrl.origin})`);
  }
  const sessionSecrets = (e.SESSION_SECRET ?? "")
    .split(",")
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (sessionSecrets.some((secret) => secret.length < 32)) {
    throw new ConfigError("SESSION_SECRET: every secret must be at least 32 characters");
  }
  if (e.DATABASE_URL && sessionSecrets.length === 0 && e.NODE_ENV === "production") {
    throw new ConfigError("SESSION_SECRET is required when DATABASE_URL is set");
  }
  return {
    mode: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl,
    secureCookies: appUrl.protocol === "https:",
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    sessionSecrets,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    serverTiming: e.SERVER_TIMING,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    database: {
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    },
    smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    demoDatabase: false,
    integrations: integrationsFrom(env),
  };
}

function integrationsFrom(env: Record<string, string | undefined>): IntegrationsConfig {
  try {
    return loadIntegrationsConfig(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
