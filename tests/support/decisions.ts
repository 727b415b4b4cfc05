import type { DB } from "#db/client";
import { scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions, type Decision } from "~/review/decisions.server";
import type { AppConfig } from "~/utils/config.server";

/**
 * Puts an applicant's submitted application in review and releases a decision on it at once
 * (the cycle's delay set to 0), as staff would, through the app's own functions.
 */
export async function releaseDecisionsNow(
  db: DB,
  config: AppConfig,
  cycleId: string,
  applicantId: string,
  decision: Decision,
): Promise<void> {
  const application = await db
    .updateTable("applications")
    .set({ status: "in_review" })
    .where("cycleId", "=", cycleId)
    .where("applicantId", "=", applicantId)
    .returning("id")
    .executeTakeFirstOrThrow();
  const cycle = await db
    .updateTable("cycles")
    .set({ status: "reviewing", decisionDelayMinutes: 0 })
    .where("id", "=", cycleId)
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  await setPendingDecisions(db, applicantId, cycleId, [application.id], decision);
  const released = await scheduleRelease(db, config, applicantId, cycle);
  if (!released.ok || !released.sentNow) throw new Error("the decision was not released");
}
