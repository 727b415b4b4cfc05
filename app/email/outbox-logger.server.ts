import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * Without SMTP the messages stay in the outbox; this prints each new one to the server log so
 * that someone trying the demo can read a sign-up code. Messages are not marked as sent.
 */
export function startOutboxLogger(db: DB, { pollMs, log }: { pollMs: number; log: (line: string) => void }) {
  // The cursor is (created_at, id), kept as PostgreSQL's own text (microseconds; a JS Date would
  // round them and fetch the same message forever): messages of one transaction share created_at.
  let since: { at: string; id: string } | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      if (!since) {
        const now = await sql<{ now: string }>`select now()::text as now`.execute(db);
        since = { at: now.rows[0]!.now, id: "00000000-0000-0000-0000-000000000000" };
      }
      const cursor = since;
      const fresh = await db
        .selectFrom("emailOutbox")
        .select(["id", "recipient", "subject", "text", sql<string>`created_at::text`.as("cursorAt")])
        .where(sql<boolean>`(created_at, id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`)
        .orderBy("createdAt")
        .orderBy("id")
        .limit(500)
        .execute();
      for (const message of fresh) {
        log(`\n── Email to ${message.recipient}: ${message.subject}\n${message.text}\n──`);
        since = { at: message.cursorAt, id: message.id };
      }
    } catch {
      // The database may be briefly unavailable; the next pass catches up.
    }
    if (!stopped) timer = setTimeout(tick, pollMs);
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
