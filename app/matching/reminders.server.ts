import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { readiness } from "./runs.server";

/** Reminds every finalist and host whose rank list is still empty (once a day each). */
export async function sendRankingReminders(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: { id: string; name: string; rankingDeadline: Date | null; timezone: string },
): Promise<number> {
  const ready = await readiness(db, cycle.id);
  const deadline = cycle.rankingDeadline ? emailMoment(cycle.rankingDeadline, cycle.timezone) : null;
  const day = new Date().toISOString().slice(0, 10);
  return db.transaction().execute(async (trx) => {
    const [finalists, hosts] = await Promise.all([
      ready.finalistsWithout.length
        ? trx
            .selectFrom("applications")
            .innerJoin("users", "users.id", "applications.applicantId")
            .select(["users.id", "users.name", "users.email"])
            .where("applications.id", "in", ready.finalistsWithout)
            .execute()
        : [],
      ready.positionsWithout.length
        ? trx
            .selectFrom("positions")
            .innerJoin("orgMembers", "orgMembers.organizationId", "positions.organizationId")
            .innerJoin("users", "users.id", "orgMembers.userId")
            .select(["positions.id as positionId", "users.id", "users.name", "users.email"])
            .where("positions.id", "in", ready.positionsWithout)
            .execute()
        : [],
    ]);
    let sent = 0;
    const remind = async (to: { id: string; name: string; email: string }, rankPath: string, key: string) => {
      const queued = await enqueueEmail(trx, {
        to: to.email,
        template: "ranking-reminder",
        props: { name: to.name, cycleName: cycle.name, deadline, rankUrl: new URL(rankPath, config.appUrl).toString() },
        idempotencyKey: `ranking-reminder:${cycle.id}:${key}:${day}`,
      });
      if (queued) sent += 1;
    };
    for (const finalist of finalists) await remind(finalist, "/me/applications", finalist.id);
    for (const host of hosts)
      await remind(host, `/partner/positions/${host.positionId}`, `${host.positionId}:${host.id}`);
    await audit(trx, {
      actorId,
      action: "reminder.ranking",
      subjectType: "cycle",
      subjectId: cycle.id,
      data: { sent },
    });
    return sent;
  });
}
