import { moveApplications, moveOne } from "~/applications/lifecycle.server";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { enqueueEmail } from "~/email/outbox.server";
import { createFellowship } from "~/fellowships/lifecycle.server";
import { inviteFellowToNetwork } from "~/network/fellows.server";
import type { AppConfig } from "~/utils/config.server";
import type { MatchingInput, MatchingResult } from "./engine";
import { buildMatchingInput, marketKey } from "./market.server";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";
import { fail, type Result } from "~/utils/result";
import { msg } from "~/i18n/message";

export type PublishResult = Result<{ matched: number; unmatched: number }>;

/**
 * Publishes the latest dry run if the rank lists have not changed since: statuses become matched
 * or unmatched, finalists and hosts are emailed, the run is locked (one published run per cycle)
 * and audited, all in one transaction.
 */
export async function publishRun(
  db: DB,
  config: AppConfig,
  actorId: string,
  cycle: { id: string; name: string },
): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`match:${cycle.id}`}))`.execute(trx);
    const run = await trx
      .selectFrom("matchRuns")
      .select(["id", "inputs", "result", "publishedAt"])
      .where("cycleId", "=", cycle.id)
      .orderBy("createdAt", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return fail(404, msg("selection.refusals.runFirst"));
    const status = await trx.selectFrom("cycles").select("status").where("id", "=", cycle.id).executeTakeFirstOrThrow();
    if (status.status !== "matching") return fail(409, msg("selection.refusals.notMatchingStage"));
    if (run.publishedAt) return fail(409, msg("selection.refusals.alreadyPublished"));
    const current = await buildMatchingInput(trx, cycle.id);
    if (marketKey(current) !== marketKey(run.inputs as MatchingInput)) {
      return fail(409, msg("selection.refusals.rankListsChanged"));
    }
    const result = run.result as MatchingResult;
    await trx
      .updateTable("matchRuns")
      .set({ publishedAt: sql`now()`, publishedBy: actorId })
      .where("id", "=", run.id)
      .execute();

    // A finalist no position considered was never in the market: they are not matched either.
    const stillFinalists = await trx
      .selectFrom("applications")
      .select("id")
      .where("cycleId", "=", cycle.id)
      .where("status", "=", "finalist")
      .execute();
    const inMarket = new Set([...result.matches.map((m) => m.applicant), ...result.unmatched]);
    const unmatched = [...result.unmatched, ...stillFinalists.map((row) => row.id).filter((id) => !inMarket.has(id))];
    const finalistIds = [...result.matches.map((m) => m.applicant), ...unmatched];
    const people = finalistIds.length
      ? await trx
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.applicantId")
          .select(["applications.id", "users.name", "users.email"])
          .where("applications.id", "in", finalistIds)
          .execute()
      : [];
    const positions = await trx
      .selectFrom("positions")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select(["positions.id", "positions.title", "positions.organizationId", "organizations.name as organizationName"])
      .where("positions.cycleId", "=", cycle.id)
      .execute();
    const person = new Map(people.map((row) => [row.id, row]));
    const position = new Map(positions.map((row) => [row.id, row]));
    const applicationsUrl = new URL("/me/applications", config.appUrl).toString();
    for (const match of result.matches) {
      await setOutcome(trx, actorId, match.applicant, "matched", match.position);
      const who = person.get(match.applicant)!;
      const where = position.get(match.position)!;
      await enqueueEmail(trx, {
        to: who.email,
        template: "match-result",
        props: {
          name: who.name,
          cycleName: cycle.name,
          positionTitle: where.title,
          organizationName: where.organizationName,
          applicationsUrl,
        },
        idempotencyKey: `match-result:${run.id}:${match.applicant}`,
      });
    }
    for (const applicationId of unmatched) {
      await setOutcome(trx, actorId, applicationId, "unmatched", null);
      const who = person.get(applicationId)!;
      await enqueueEmail(trx, {
        to: who.email,
        template: "match-result",
        props: { name: who.name, cycleName: cycle.name, positionTitle: null, organizationName: null, applicationsUrl },
        idempotencyKey: `match-result:${run.id}:${applicationId}`,
      });
    }
    const members = positions.length
      ? await trx
          .selectFrom("orgMembers")
          .innerJoin("users", "users.id", "orgMembers.userId")
          .select(["orgMembers.organizationId", "users.id", "users.name", "users.email"])
          .where(
            "orgMembers.organizationId",
            "in",
            positions.map((p) => p.organizationId),
          )
          .execute()
      : [];
    for (const host of positions) {
      const fellows = result.matches
        .filter((match) => match.position === host.id)
        .map((match) => person.get(match.applicant)!.name);
      for (const member of members.filter((row) => row.organizationId === host.organizationId)) {
        await enqueueEmail(trx, {
          to: member.email,
          template: "match-host",
          props: {
            name: member.name,
            cycleName: cycle.name,
            positionTitle: host.title,
            fellows,
            partnerUrl: new URL(`/partner/positions/${host.id}`, config.appUrl).toString(),
          },
          idempotencyKey: `match-host:${run.id}:${host.id}:${member.id}`,
        });
      }
    }
    await enqueueWebhook(trx, "match.published", {
      cycleId: cycle.id,
      runId: run.id,
      matched: result.matches.length,
      unmatched: unmatched.length,
    });
    await audit(trx, {
      actorId,
      action: "match.publish",
      subjectType: "cycle",
      subjectId: cycle.id,
      data: { runId: run.id, matched: result.matches.length, unmatched: unmatched.length },
    });
    return { ok: true, matched: result.matches.length, unmatched: unmatched.length };
  });
}

async function setOutcome(
  trx: Kysely<Database>,
  actorId: string,
  applicationId: string,
  status: "matched" | "unmatched",
  positionId: string | null,
) {
  await moveApplications(trx, {
    applicationIds: [applicationId],
    to: status,
    from: ["finalist"],
    actorId,
    matchedPositionId: positionId,
    audit: { action: "match.outcome", data: { positionId } },
  });
}

export type PlacementAnswer = Result;

/** A matched finalist accepts or declines the placement; answering twice the same way changes nothing. */
export async function answerPlacement(
  db: DB,
  config: AppConfig,
  input: { applicationId: string; applicantId: string; accept: boolean },
): Promise<PlacementAnswer> {
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .select(["id", "status"])
      .where("id", "=", input.applicationId)
      .where("applicantId", "=", input.applicantId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) return fail(404, msg("refusals.placements.applicationNotFound"));
    const wanted = input.accept ? "accepted" : "declined";
    if (application.status === wanted) return { ok: true };
    if (application.status !== "matched") return fail(409, msg("refusals.placements.nothingWaiting"));
    await moveOne(trx, {
      applicationIds: [application.id],
      to: wanted,
      actorId: input.applicantId,
      audit: { action: `placement.${wanted === "accepted" ? "accept" : "decline"}` },
    });
    await enqueueWebhook(trx, "placement.answered", { applicationId: application.id, answer: wanted });
    // A new fellow is welcome in the network, and their fellowship year begins: both exist
    // exactly when the acceptance does.
    if (wanted === "accepted") {
      await inviteFellowToNetwork(trx, config, application.id);
      await createFellowship(trx, application.id);
    }
    return { ok: true };
  });
}
