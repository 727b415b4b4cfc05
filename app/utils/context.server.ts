import type { DB } from "#db/client";
import type { AppConfig } from "./config.server";

/** What the server hands every loader and action (see app/server/app.ts). */
export interface AppContext {
  db: DB;
  config: AppConfig;
  /** The nonce of this response's Content-Security-Policy. */
  cspNonce: string;
  /** The client's address, as far as the configured proxies can be trusted. */
  clientAddress: string;
  /** Memo for this request's signed-in user; filled by getOptionalUser in app/utils/permissions.server.ts. */
  memo: Map<string, unknown>;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
