import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createDatabase } from "#db/client";
import { DataDirectoryInUseError } from "#db/data-dir-lock";
import { migrateToLatest } from "#db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "#db/seed/accounts";
import { isDemoDatabase, seedDemoIfEmpty } from "#db/seed/demo";
import { ensureDemoWebhookSink } from "~/webhooks/demo-sink.server";
import { startPruning } from "~/auth/prune.server";
import { resolveSessionSecrets } from "~/auth/secrets.server";
import { startOutboxWorker, type OutboxWorker } from "~/email/delivery.server";
import { startOutboxLogger } from "~/email/outbox-logger.server";
import { startReleaseFinaliser } from "~/review/decision-release.server";
import { createSmtpTransport } from "~/email/smtp.server";
import { ConfigError, loadConfig, type AppConfig } from "~/utils/config.server";
import { createApp } from "./app";
import { startProgramJobs } from "./program-jobs";
import { ensureBuild } from "./build";
import { Draining } from "./draining";
import { closeGracefully } from "./shutdown";
import { startIntegrations } from "./integrations";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunningPortal {
  /**
   * Stops taking requests, lets those in flight finish (at most SHUTDOWN_GRACE_MS), lets the
   * email worker finish the message it is sending, and closes the database.
   */
  stop(options?: { drain?: boolean }): Promise<void>;
}

/** Everything `npm start` does: database, migrations, demo seed, build, email worker, HTTP. */
export async function startPortal(
  config: AppConfig,
  log: (line: string) => void = console.log,
): Promise<RunningPortal> {
  // The compiled app loads (≈1.3 s of modules) while the database opens (PGlite's WebAssembly and
  // data directory, ≈1.5 s), not after it: most of a warm start's time.
  const serverBuild: Promise<ServerBuild> | null =
    config.mode === "development" ? null : import(ensureBuild(root, log)).then((module) => module as ServerBuild);
  serverBuild?.catch(() => {}); // awaited below; a failure is reported there
  const database = await createDatabase({
    url: config.databaseUrl,
    pgliteDataDir: config.pgliteDataDir,
    maxConnections: config.database.poolSize,
    statementTimeoutMs: config.database.statementTimeoutMs,
    connectionTimeoutMs: config.database.connectTimeoutMs,
    // An idle connection dropped by a restart is replaced by the pool: worth a line, not an alarm.
    onPoolError: (error) => console.warn(`Database connection lost (the pool replaces it): ${error.message}`),
  });
  const { db } = database;
  await migrateToLatest(db);
  config.sessionSecrets = await resolveSessionSecrets(db, config.sessionSecrets);

  config.demoDatabase = await isDemoDatabase(db);
  let seeded = false;
  if (config.seedDemo) {
    seeded = await seedDemoIfEmpty(db);
    if (seeded) {
      log("Empty database: added the demo program.");
      config.demoDatabase = true;
    }
  }
  // The demo's own signed-webhook receiver, registered for this address (see demo-sink.server.ts).
  if (config.demoDatabase) await ensureDemoWebhookSink(db, config.appUrl);

  let build: Parameters<typeof createApp>[0]["build"];
  if (config.mode === "development") {
    const vite = await import("vite");
    build = { vite: await vite.createServer({ root, server: { middlewareMode: true }, appType: "custom" }) };
  } else {
    build = await serverBuild!;
  }

  let worker: OutboxWorker | { stop(): Promise<void> };
  if (config.smtpUrl) {
    worker = startOutboxWorker(db, createSmtpTransport(config.smtpUrl, { timeoutMs: config.smtpTimeoutMs }), {
      from: config.mailFrom,
      maxAttempts: config.outboxMaxAttempts,
      pollMs: config.outboxPollMs,
      sendTimeoutMs: config.smtpTimeoutMs,
      messageIdDomain: config.appUrl.hostname,
      onError: (error) => console.error("Email delivery pass failed:", error),
    });
  } else if (config.demoDatabase || config.mode === "development") {
    // Someone trying the demo reads their sign-up code here; nowhere else are codes printed.
    worker = startOutboxLogger(db, { pollMs: config.outboxPollMs, log });
  } else {
    console.warn("SMTP_URL is not set: emails wait in the outbox until it is.");
    worker = { stop: async () => {} };
  }

  const stopPruning = startPruning(db, (error) => console.error("Pruning expired rows failed:", error));
  // Decision releases whose cancellable delay is over change their applications' statuses.
  const releases = startReleaseFinaliser(db, {
    pollMs: config.outboxPollMs,
    onError: (error) => console.error("Sending due decision releases failed:", error),
  });
  const programJobs = startProgramJobs(db, config, (error) => console.error("Program reminders failed:", error));
  const integrations = startIntegrations(db, config);
  const draining = new Draining();
  const app = createApp({
    db,
    config,
    build,
    draining,
    clientDir: path.join(root, "build", "client"),
    poolStats: database.poolStats,
  });
  const server: Server = app.listen(config.port, config.host, () => {
    log(`\nOpen Web Fellows is running at ${config.appUrl.origin}`);
    log(`Database: ${database.driver === "pglite" ? `embedded PGlite in ${config.pgliteDataDir}` : "PostgreSQL"}`);
    log(
      config.smtpUrl
        ? "Email: delivered over SMTP"
        : "Email: not delivered (no SMTP_URL); read it at /staff/emails or below",
    );
    log(
      `API: ${new URL("/api/v1", config.appUrl).toString()} (OpenAPI at /api/v1/openapi.json; tokens at /me/account)`,
    );
    if (seeded || config.seedDemo) {
      log(`\nDemo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(14)} ${account.email}`);
    }
    log("");
  });

  return {
    async stop({ drain = true } = {}) {
      stopPruning();
      draining.active = true;
      const closeServer = async () => {
        if (drain) await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
        return closeGracefully(server, config.shutdownGraceMs);
      };
      const [cut] = await Promise.all([
        closeServer(),
        releases.stop(),
        programJobs.stop(),
        worker.stop(),
        integrations.stop(),
      ]);
      if (cut > 0)
        console.warn(`Shutdown: ${cut} request(s) still running after ${config.shutdownGraceMs} ms were cut`);
      await database.close();
    },
  };
}

/** The command: start, and stop cleanly on SIGTERM or Ctrl-C so the process can exit. */
export async function runPortal() {
  const portal = await startPortal(loadConfig());
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    // Ctrl-C is someone at a terminal; SIGTERM is a deploy, which gives the proxy time to notice.
    await portal.stop({ drain: signal === "SIGTERM" });
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/** Runs the command, and reports a failure to start in one line where it can (a bad setting, a held database). */
export function runPortalCommand(): void {
  runPortal().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

// `node --import tsx app/server/main.ts` (development, tests); `npm start` runs it compiled (start.js).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runPortalCommand();
