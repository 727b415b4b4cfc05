import pg from "pg";
import { createDatabase, type DB } from "#db/client";
import { startHaproxy, type Haproxy } from "./haproxy";
import { startPgCluster, type PgCluster } from "./pg-cluster";
import { freePort, startPortalProcess, type PortalProcess } from "./portal-process";
import { TestSmtpServer } from "./smtp";

const SCALE_OUT_SECRET = "scale-out-secret-that-is-long-enough-to-sign";

export interface Instance {
  port: number;
  process: PortalProcess;
}

/**
 * Several portal processes on one PostgreSQL server of their own, behind a real haproxy, with
 * a real SMTP server: the deployment the README describes, on loopback.
 */
export interface ScaleOut {
  pg: PgCluster;
  smtp: TestSmtpServer;
  proxy: Haproxy;
  instances: Instance[];
  /** A direct connection for checking what the portal stored (it rides out restarts like the portal). */
  db: DB;
  databaseUrl: string;
  /** The environment every instance runs with (its port aside). */
  env: Record<string, string>;
  /** SIGTERM to one instance, wait for its exit code, start it again on its port (a rolling restart). */
  restartInstance(index: number): Promise<number | null>;
  /** How many instances exited without being asked to. */
  unexpectedExits(): number;
  /** Each instance's own /healthz status, bypassing the proxy. */
  health(): Promise<number[]>;
  stop(): Promise<void>;
}

export async function startScaleOut(count = 3, extraEnv: Record<string, string> = {}): Promise<ScaleOut> {
  const pgCluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: pgCluster.url() });
  await admin.connect();
  await admin.query("create database portal");
  await admin.end();
  const databaseUrl = pgCluster.url("portal");
  const smtp = new TestSmtpServer();
  await smtp.start();
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const proxyPort = await freePort();
  const proxyOrigin = `http://127.0.0.1:${proxyPort}`;
  const env = (port: number): Record<string, string> => ({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: SCALE_OUT_SECRET,
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: proxyOrigin,
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: "200",
    // The load names a client address; haproxy appends its own: two hops are trusted.
    TRUST_PROXY: "2",
    // All at once, as a fresh deployment starts: the demo must be seeded once and completely.
    SEED_DEMO: "1",
    SHUTDOWN_DRAIN_MS: "1000",
    ...extraEnv,
  });
  let expected = new Set<PortalProcess>();
  let unexpected = 0;
  const launch = async (port: number): Promise<Instance> => {
    const portal = await startPortalProcess(env(port), 180_000);
    void portal.exited.then(() => {
      if (!expected.has(portal)) unexpected += 1;
    });
    return { port, process: portal };
  };
  const instances = await Promise.all(ports.map(launch));
  const proxy = await startHaproxy(ports, proxyPort);
  const checking = await createDatabase({ url: databaseUrl, maxConnections: 3 });
  return {
    pg: pgCluster,
    smtp,
    proxy,
    instances,
    db: checking.db,
    databaseUrl,
    env: env(0),
    async restartInstance(index) {
      const instance = instances[index]!;
      expected.add(instance.process);
      instance.process.child.kill("SIGTERM");
      const code = await instance.process.exited;
      instances[index] = await launch(instance.port);
      return code;
    },
    unexpectedExits: () => unexpected,
    health: () =>
      Promise.all(
        instances.map((instance) =>
          fetch(`http://127.0.0.1:${instance.port}/healthz`).then(
            (response) => response.status,
            () => 0,
          ),
        ),
      ),
    async stop() {
      expected = new Set(instances.map((instance) => instance.process));
      await proxy.stop();
      await Promise.all(
        instances.map((instance) => {
          instance.process.child.kill("SIGTERM");
          return instance.process.exited;
        }),
      );
      await checking.close().catch(() => {});
      await smtp.stop();
      pgCluster.destroy();
    },
  };
}
