import { sql } from "kysely";
import type { DB } from "#db/client";

/**
 * Without SMTP the messages stay in the outbox; this prints each new one to the server log so
 * that someone trying the demo can read a sign-up code. Messages are not marked as sent.
 */
export function startOutboxLogger(db: DB, { pollMs, log }: { pollMs: number; log: (line: string) => void }) {
  let since: Date | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      if (!since) {
        const now = await sql<{ now: Date }>`select now() as now`.execute(db);
        since = now.rows[0]?.now ?? new Date();
      }
      const fresh = await db
        .selectFrom("emailOutbox")
        .select(["recipient", "subject", "text", "createdAt"])
        .where("createdAt", ">", since)
        .orderBy("createdAt")
        .limit(500)
        .execute();
      for (const message of fresh) {
        log(`\n── Email to ${message.recipient}: ${message.subject}\n${message.text}\n──`);
        since = message.createdAt;
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
