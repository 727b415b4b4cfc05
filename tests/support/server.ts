import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe } from "vitest";
import type { DatabaseHandle, DB, Driver } from "#db/client";
import { hashPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";
import { createApp } from "~/server/app";
import { loadConfig, type AppConfig } from "~/utils/config.server";
import { createTestDatabase, drivers, uniqueEmail } from "./db";
import { cookieHeader, randomAddress } from "./http";

export { cookieHeader, randomAddress };

const root = process.cwd();
export const TEST_PASSWORD = "correct horse battery staple";
const TEST_SECRET = "test-secret-that-is-long-enough-to-sign-cookies";

let passwordHash: Promise<string> | undefined;

export interface TestServer {
  url: string;
  db: DB;
  config: AppConfig;
  driver: Driver;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The real production build behind the real Express app, on a database of its own. */
export async function startTestServer(driver: Driver, env: Record<string, string> = {}): Promise<TestServer> {
  // TRUST_PROXY lets each request name its client address (X-Forwarded-For), so the per-address
  // sign-in limit of one test does not spill into the next.
  const config = loadConfig({
    NODE_ENV: "production",
    SESSION_SECRET: TEST_SECRET,
    SERVER_TIMING: "1",
    TRUST_PROXY: "1",
    LOG_LEVEL: "warn",
    ...env,
  });
  const handle = await createTestDatabase(driver, {
    // Twenty unless a test asks for another size: concurrency tests need room.
    maxConnections: env.DATABASE_POOL_SIZE ? config.database.poolSize : 20,
    connectionTimeoutMs: config.database.connectTimeoutMs,
    statementTimeoutMs: config.database.statementTimeoutMs,
  });
  const build = (await import(path.join(root, "build", "server", "index.js"))) as ServerBuild;
  const app = createApp({
    db: handle.db,
    config,
    build,
    clientDir: path.join(root, "build", "client"),
    poolStats: handle.poolStats,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  config.appUrl = new URL(`http://127.0.0.1:${port}`);
  return {
    url: config.appUrl.origin,
    db: handle.db,
    config,
    driver,
    handle,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await handle.close();
    },
  };
}

export interface ServerTestContext {
  readonly server: TestServer;
  readonly driver: Driver;
}

/** HTTP tests against the built app, once per driver (or on the drivers given). */
export function describeServer(
  name: string,
  body: (t: ServerTestContext) => void,
  env: Record<string, string> = {},
  on: readonly Driver[] = drivers,
): void {
  describe.each([...on])(`${name} [%s]`, (driver) => {
    let server: TestServer | undefined;
    beforeAll(async () => {
      server = await startTestServer(driver, env);
    });
    afterAll(async () => {
      await server?.close();
    });
    body({
      get server() {
        if (!server) throw new Error("server not ready");
        return server;
      },
      driver,
    });
  });
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** A Cookie header carrying a live session of this user. */
  cookie: string;
}

/** A verified account (staff if asked) with a signed-in session. */
export async function createUser(
  server: TestServer,
  options: { staff?: boolean; email?: string; name?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? uniqueEmail(options.staff ? "staff" : "user");
  const name = options.name ?? `Test ${email.split("@")[0]}`;
  const user = await server.db
    .insertInto("users")
    .values({ email, name, passwordHash: await passwordHash, emailVerifiedAt: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.staff) {
    await server.db.insertInto("userRoles").values({ userId: user.id, role: "staff", grantedBy: null }).execute();
  }
  const setCookie = await startSession(server.db, server.config, user.id, {
    userAgent: "vitest",
    clientAddress: "127.0.0.1",
  });
  return { id: user.id, email, name, cookie: cookieHeader(setCookie) };
}

export interface RequestOptions {
  cookie?: string | undefined;
  headers?: Record<string, string>;
}

function headersFor(
  server: TestServer,
  options: RequestOptions,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    "X-Forwarded-For": randomAddress(),
    ...extra,
    ...(options.cookie ? { Cookie: options.cookie } : {}),
    ...options.headers,
  };
}

/** Page text without React's comment separators ("Hello, <!-- -->Ada" reads "Hello, Ada"). */
export async function pageText(response: Response): Promise<string> {
  return (await response.text()).replaceAll("<!-- -->", "");
}

/** A GET as a browser would send it, without following redirects. */
export function get(server: TestServer, pathname: string, options: RequestOptions = {}): Promise<Response> {
  return fetch(new URL(pathname, server.url), {
    redirect: "manual",
    headers: headersFor(server, options),
  });
}

/** A same-origin form POST, as a browser would send it. */
export function post(
  server: TestServer,
  pathname: string,
  form: Record<string, string | string[]> | FormData | URLSearchParams,
  options: RequestOptions = {},
): Promise<Response> {
  let body: FormData | URLSearchParams;
  if (form instanceof FormData || form instanceof URLSearchParams) body = form;
  else {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
  }
  return fetch(new URL(pathname, server.url), {
    method: "POST",
    redirect: "manual",
    body,
    headers: headersFor(server, options, { Origin: server.url }),
  });
}

/** The number of database queries the server reported for a response (Server-Timing). */
export function queryCount(response: Response): number {
  const match = /db;desc="(\d+) queries"/.exec(response.headers.get("Server-Timing") ?? "");
  if (!match) throw new Error("no query count in Server-Timing");
  return Number(match[1]);
}
