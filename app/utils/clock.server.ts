import { sql, type RawBuilder } from "kysely";

/**
 * "Now" for rules that depend on time (deadlines): the database clock, never the browser's or
 * this process's. Tests pass a fixed instant instead to play a moment before or after a deadline.
 */
export interface Clock {
  at?: Date | undefined;
}

export function nowExpression(clock: Clock = {}): RawBuilder<Date> {
  return clock.at ? sql<Date>`${clock.at.toISOString()}::timestamptz` : sql<Date>`now()`;
}
