/**
 * What kind of database failure an error is, so that callers can decide between retrying,
 * answering 503 and reporting a bug. Codes are PostgreSQL's SQLSTATEs; the Node and `pg` errors
 * for a lost or refused connection have no SQLSTATE and are told apart by code or message.
 */

/** The connection broke while COMMIT was on its way: the change may or may not be saved. */
export class AmbiguousCommitError extends Error {
  override name = "AmbiguousCommitError";
  constructor(override readonly cause: unknown) {
    super(`The connection was lost during COMMIT; the transaction may or may not have been saved (${describe(cause)})`);
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NODE_CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const PG_CONNECTION_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "Postgres connection has been discarded",
  "terminating connection",
  "the database system is",
];

/**
 * The connection failed or the server went away: class 08 (connection exception), 57P01–57P03
 * (admin or crash shutdown, cannot connect now), or a socket error. Not a bug of ours.
 */
export function isConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (code && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03")) return true;
  if (code && NODE_CONNECTION_CODES.has(code)) return true;
  const message = describe(error);
  return PG_CONNECTION_MESSAGES.some((fragment) => message.includes(fragment));
}

/** The pool had no free connection within the connection timeout: the server is overloaded. */
export function isPoolTimeout(error: unknown): boolean {
  return describe(error).includes("timeout exceeded when trying to connect");
}

/** A statement ran past `statement_timeout` (57014 is also a cancel; the message tells them apart). */
export function isStatementTimeout(error: unknown): boolean {
  return codeOf(error) === "57014" && describe(error).includes("statement timeout");
}

/**
 * A failure that running the same transaction again can cure: the database rolled it back
 * (serialization failure, deadlock), or the connection broke before COMMIT was sent. Never an
 * ambiguous commit, which might have been saved.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  if (error instanceof AmbiguousCommitError) return false;
  const code = codeOf(error);
  if (code === "40001" || code === "40P01") return true;
  return isConnectionError(error);
}

/**
 * The database cannot serve this request now (down, restarting, overloaded, too slow): the
 * request deserves a 503 with Retry-After, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof AmbiguousCommitError ||
    isConnectionError(error) ||
    isPoolTimeout(error) ||
    isStatementTimeout(error) ||
    codeOf(error) === "53300" // too_many_connections
  );
}
