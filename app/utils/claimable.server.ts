import { sql, type RawBuilder, type SqlBool } from "kysely";

/**
 * The rule both queues (the email outbox and webhook deliveries) claim by: a row that is due, or
 * one a worker claimed and whose lease ran out (it stalled or died), so another worker takes it
 * over. For use inside a `select … for update skip locked` on one queue table, whose columns are
 * `status`, `next_attempt_at` and `locked_until`.
 */
export function claimableNow(): RawBuilder<SqlBool> {
  return sql<SqlBool>`((status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now()))`;
}
