import { sql, type Transaction } from "kysely";
import type { Database } from "#db/types";
import { RUNNING_STATUSES } from "~/applications/lifecycle";
import { moveApplications } from "~/applications/lifecycle.server";

/**
 * Takes a person who deletes their account out of the program's work, inside the deletion's
 * transaction: their applications leave the running (a placement waiting for an answer is
 * declined, anything else withdrawn) along with the reviews, candidacies, interview notes and
 * rank lists attached to them; as a reviewer they leave every panel and their unfinished
 * assignments (with draft scores) go, leaving gaps the next assignment run fills. Submitted
 * reviews and decided applications stay, anonymous, for the program's record.
 */
export async function releaseProgramWork(trx: Transaction<Database>, userId: string): Promise<void> {
  const [panels, running] = await Promise.all([
    trx.selectFrom("cycleReviewers").select("cycleId").where("userId", "=", userId).execute(),
    trx
      .selectFrom("applications")
      .select(["id", "cycleId", "status"])
      .where("applicantId", "=", userId)
      .where("status", "in", RUNNING_STATUSES)
      .execute(),
  ]);
  // The assignment lock of every cycle involved, in one order, so a concurrent assignment run can
  // neither hand this person new work nor be deadlocked by us.
  const cycleIds = [...new Set([...panels.map((p) => p.cycleId), ...running.map((a) => a.cycleId)])].sort();
  for (const cycleId of cycleIds)
    await sql`select pg_advisory_xact_lock(hashtext(${`assign:${cycleId}`}))`.execute(trx);

  if (panels.length > 0) {
    await trx
      .updateTable("cycleReviewers")
      .set({ active: false, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("userId", "=", userId)
      .execute();
    await trx
      .deleteFrom("reviewAssignments")
      .where("reviewerId", "=", userId)
      .where("status", "=", "assigned")
      .execute();
  }

  const applicationIds = running.map((row) => row.id);
  await trx
    .deleteFrom("rankEntries")
    .where("applicationId", "in", trx.selectFrom("applications").select("id").where("applicantId", "=", userId))
    .where("side", "=", "applicant")
    .execute();
  if (applicationIds.length === 0) return;
  // Lock before reading again: a decision or a publish may have moved a status since the read above.
  const locked = await trx
    .selectFrom("applications")
    .select(["id", "status"])
    .where("id", "in", applicationIds)
    .where("status", "in", RUNNING_STATUSES)
    .forUpdate()
    .execute();
  if (locked.length === 0) return;
  const ids = locked.map((row) => row.id);
  await trx
    .deleteFrom("reviewAssignments")
    .where("applicationId", "in", ids)
    .where("status", "=", "assigned")
    .execute();
  await trx.deleteFrom("positionCandidates").where("applicationId", "in", ids).execute();
  await trx.deleteFrom("interviews").where("applicationId", "in", ids).execute();
  // Their interview times free up for other finalists.
  await trx.deleteFrom("interviewBookings").where("applicationId", "in", ids).execute();
  await trx.deleteFrom("rankEntries").where("applicationId", "in", ids).execute();
  // A placement waiting for an answer is declined, anything else withdrawn: the same moves, history
  // and audit as when the applicant does it themselves.
  const matched = locked.filter((row) => row.status === "matched").map((row) => row.id);
  const others = locked.filter((row) => row.status !== "matched").map((row) => row.id);
  const audit = { action: "account.delete.leave", data: { reason: "account deleted" } };
  await moveApplications(trx, { applicationIds: matched, to: "declined", actorId: userId, audit });
  await moveApplications(trx, { applicationIds: others, to: "withdrawn", actorId: userId, audit });
}
