import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { CampaignAssignmentStatus, Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { hashToken, randomToken } from "~/auth/tokens.server";
import { enqueueEmail, recipientLanguage } from "~/email/outbox.server";
import { localizeCampaign } from "~/i18n/content";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { enqueueWebhook } from "~/webhooks/webhook-outbox.server";
import { fail, type Result } from "~/utils/result";
import { msg, type MessageKey } from "~/i18n/message";

type Answered = Exclude<CampaignAssignmentStatus, "proposed">;

/** What a used reply link says, by how the request was answered. */
const USED_LINK: Record<Answered, MessageKey> = {
  accepted: "refusals.campaignReplies.usedAccepted",
  declined: "refusals.campaignReplies.usedDeclined",
  completed: "refusals.campaignReplies.usedCompleted",
};

/** What answering an already answered request says, by how it was answered. */
const ALREADY_ANSWERED: Record<Answered, MessageKey> = {
  accepted: "refusals.campaignReplies.alreadyAccepted",
  declined: "refusals.campaignReplies.alreadyDeclined",
  completed: "refusals.campaignReplies.alreadyCompleted",
};

/** An emailed answer link lives this long (or until answered, whichever comes first). */
export const REPLY_TTL_DAYS = 14;

export type ProposeResult = Result<{ alreadyProposed: boolean }>;

/**
 * Staff ask an ally to join a campaign: the assignment and the email (with single-use, expiring
 * accept and decline links; only the link's hash is stored) are written in one transaction.
 * Proposing the same ally twice is harmless.
 */
export async function proposeAssignment(
  db: DB,
  config: AppConfig,
  actorId: string,
  input: { campaignId: string; profileId: string; needId?: string | undefined },
): Promise<ProposeResult> {
  return db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom("campaigns")
      .select(["id", "name", "summary", "translations", "startsOn", "endsOn", "status"])
      .where("id", "=", input.campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!campaign) return fail(404, msg("staff.suggestions.campaignMissing"));
    if (campaign.status === "closed") return fail(409, msg("staff.suggestions.campaignClosed"));
    const ally = await trx
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select(["allyProfiles.id", "allyProfiles.displayName", "users.email"])
      .where("allyProfiles.id", "=", input.profileId)
      .where("allyProfiles.withdrawnAt", "is", null)
      .executeTakeFirst();
    if (!ally) return fail(404, msg("staff.suggestions.allyMissing"));
    const need = input.needId
      ? await trx
          .selectFrom("campaignNeeds")
          .select(["id", "value"])
          .where("id", "=", input.needId)
          .where("campaignId", "=", campaign.id)
          .executeTakeFirst()
      : undefined;
    if (input.needId && !need) return fail(404, msg("staff.suggestions.needMissing"));

    const token = randomToken();
    const created = await trx
      .insertInto("campaignAssignments")
      .values({
        campaignId: campaign.id,
        profileId: ally.id,
        needId: need?.id ?? null,
        proposedBy: actorId,
        replyTokenHash: hashToken(token),
        replyExpiresAt: sql<Date>`now() + ${`${REPLY_TTL_DAYS} days`}::interval`,
      })
      .onConflict((oc) => oc.columns(["campaignId", "profileId"]).doNothing())
      .returning(["id", "replyExpiresAt"])
      .executeTakeFirst();
    if (!created) return { ok: true, alreadyProposed: true };
    const reply = (answer: string) => new URL(`/campaign-replies/${token}?answer=${answer}`, config.appUrl).toString();
    // The summary as staff translated it for the ally's language, when they did.
    const language = await recipientLanguage(trx, ally.email);
    await enqueueEmail(trx, {
      to: ally.email,
      language,
      template: "campaign-proposal",
      props: {
        allyName: ally.displayName,
        campaignName: campaign.name,
        summary: localizeCampaign(campaign, language).summary,
        startsOn: emailMoment(campaign.startsOn),
        endsOn: emailMoment(campaign.endsOn),
        role: need?.value ?? null,
        acceptUrl: reply("accept"),
        declineUrl: reply("decline"),
        expiresAt: emailMoment(created.replyExpiresAt ?? new Date()),
      },
      idempotencyKey: `campaign-proposal:${created.id}`,
    });
    await audit(trx, {
      actorId,
      action: "campaign.propose",
      subjectType: "campaign_assignment",
      subjectId: created.id,
      data: { campaignId: campaign.id, profileId: ally.id, needId: need?.id ?? null },
    });
    return { ok: true, alreadyProposed: false };
  });
}

export type Answer = "accepted" | "declined";
export type AnswerResult = Result<
  { campaignName: string; answer: Answer },
  404 | 409 | 410,
  { reason: "not-found" | "used" | "expired" | "answered" }
>;

async function recordAnswer(
  trx: Kysely<Database>,
  assignment: { id: string; userId: string },
  answer: Answer,
  showPublicly: boolean,
  via: "link" | "portal",
) {
  await trx
    .updateTable("campaignAssignments")
    .set({
      status: answer,
      answeredAt: sql`now()`,
      showPublicly: answer === "accepted" && showPublicly,
      updatedAt: sql`now()`,
      version: sql`version + 1`,
    })
    .where("id", "=", assignment.id)
    .execute();
  await enqueueWebhook(trx, "campaign_assignment.answered", { assignmentId: assignment.id, answer });
  await audit(trx, {
    actorId: assignment.userId,
    action: `campaign.${answer === "accepted" ? "accept" : "decline"}`,
    subjectType: "campaign_assignment",
    subjectId: assignment.id,
    data: { via },
  });
}

function assignmentByToken(trx: Kysely<Database>, token: string) {
  return trx
    .selectFrom("campaignAssignments")
    .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
    .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
    .leftJoin("campaignNeeds", "campaignNeeds.id", "campaignAssignments.needId")
    .select([
      "campaignAssignments.id",
      "campaignAssignments.status",
      "allyProfiles.userId",
      "allyProfiles.displayName",
      "campaigns.name as campaignName",
      "campaigns.summary",
      "campaigns.startsOn",
      "campaigns.endsOn",
      "campaignNeeds.value as needValue",
      sql<boolean>`campaign_assignments.reply_expires_at <= now()`.as("expired"),
    ])
    .where("campaignAssignments.replyTokenHash", "=", hashToken(token));
}

/** What the answer page shows for a link, or null for a link that was never issued (or was altered). */
export async function findReplyLink(db: DB, token: string) {
  const row = await assignmentByToken(db, token).executeTakeFirst();
  if (!row) return null;
  const state = row.status !== "proposed" ? "used" : row.expired ? "expired" : "open";
  return { ...row, state } as const;
}

/**
 * Answers through the emailed link, which is the credential: unknown (altered) links are a 404;
 * a link works once and not after it expires, whatever the browser sends.
 */
export async function answerByLink(
  db: DB,
  token: string,
  answer: Answer,
  showPublicly: boolean,
): Promise<AnswerResult> {
  return db.transaction().execute(async (trx) => {
    const assignment = await assignmentByToken(trx, token).forUpdate("campaignAssignments").executeTakeFirst();
    if (!assignment) return fail(404, msg("refusals.campaignReplies.invalidLink"), { reason: "not-found" });
    // The same answer again (a resubmitted form, a second click) is what was already recorded.
    if (assignment.status === answer) return { ok: true, campaignName: assignment.campaignName, answer };
    if (assignment.status !== "proposed") {
      return fail(410, msg(USED_LINK[assignment.status]), { reason: "used" });
    }
    if (assignment.expired) {
      return fail(410, msg("refusals.campaignReplies.expired"), { reason: "expired" });
    }
    await recordAnswer(trx, assignment, answer, showPublicly, "link");
    return { ok: true, campaignName: assignment.campaignName, answer };
  });
}

/** Answers in the portal. The same answer twice is harmless; another person's assignment is a 404. */
export async function answerAsAlly(
  db: DB,
  userId: string,
  assignmentId: string,
  answer: Answer,
  showPublicly: boolean,
): Promise<AnswerResult> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("campaignAssignments")
      .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
      .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
      .select([
        "campaignAssignments.id",
        "campaignAssignments.status",
        "allyProfiles.userId",
        "campaigns.name as campaignName",
      ])
      .where("campaignAssignments.id", "=", assignmentId)
      .where("allyProfiles.userId", "=", userId)
      .forUpdate("campaignAssignments")
      .executeTakeFirst();
    if (!assignment) return fail(404, msg("refusals.campaignReplies.requestMissing"), { reason: "not-found" });
    if (assignment.status === answer) return { ok: true, campaignName: assignment.campaignName, answer };
    if (assignment.status !== "proposed") {
      return fail(409, msg(ALREADY_ANSWERED[assignment.status]), { reason: "answered" });
    }
    await recordAnswer(trx, assignment, answer, showPublicly, "portal");
    return { ok: true, campaignName: assignment.campaignName, answer };
  });
}

/** The signed-in ally's campaign requests, newest first. */
export async function listMyAssignments(db: DB, userId: string) {
  return db
    .selectFrom("campaignAssignments")
    .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
    .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
    .leftJoin("campaignNeeds", "campaignNeeds.id", "campaignAssignments.needId")
    .select([
      "campaignAssignments.id",
      "campaignAssignments.status",
      "campaignAssignments.showPublicly",
      "campaigns.slug",
      "campaigns.name",
      "campaigns.summary",
      "campaigns.startsOn",
      "campaigns.endsOn",
      "campaigns.status as campaignStatus",
      "campaignNeeds.value as needValue",
    ])
    .where("allyProfiles.userId", "=", userId)
    .orderBy("campaignAssignments.createdAt", "desc")
    .execute();
}

export type CompleteResult = Result;

/** Staff mark an accepted assignment done when the ally's part is over. Marking it twice is harmless. */
export async function completeAssignment(
  db: DB,
  actorId: string,
  campaignId: string,
  assignmentId: string,
): Promise<CompleteResult> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("campaignAssignments")
      .select(["id", "status"])
      .where("id", "=", assignmentId)
      .where("campaignId", "=", campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!assignment) return fail(404, msg("staff.campaign.assignmentMissing"));
    if (assignment.status === "completed") return { ok: true };
    if (assignment.status !== "accepted") {
      return fail(409, msg("refusals.campaignReplies.onlyAccepted"));
    }
    await trx
      .updateTable("campaignAssignments")
      .set({ status: "completed", updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", assignment.id)
      .execute();
    await audit(trx, {
      actorId,
      action: "campaign.complete",
      subjectType: "campaign_assignment",
      subjectId: assignment.id,
    });
    return { ok: true };
  });
}
