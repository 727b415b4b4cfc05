import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { directoryAudience, type Role } from "~/auth/roles";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { listedFor } from "./directory.server";
import { msg } from "~/i18n/message";
import { fail, type Result } from "~/utils/result";

/** Messages one person may send through the directory in 24 hours (spam is the risk, not volume). */
export const CONTACT_DAILY_LIMIT = 5;

export type ContactResult = Result<{ duplicate: boolean }, 404 | 409 | 429>;

/**
 * Sends a partner's or staff member's message to an ally by email, without either address
 * being shown. The daily limit is counted in the database under a per-sender lock, so two
 * messages sent at once cannot both be the fifth. Sending the same message again (a resubmit)
 * while the first still waits for an answer changes nothing.
 */
export async function sendContactRequest(
  db: DB,
  config: AppConfig,
  sender: { id: string; name: string; roles: Role[] },
  profileId: string,
  message: string,
): Promise<ContactResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`contact:${sender.id}`}))`.execute(trx);
    const ally = await trx
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select(["allyProfiles.id", "allyProfiles.userId", "allyProfiles.displayName", "users.email"])
      .where("allyProfiles.id", "=", profileId)
      .where((eb) => listedFor(eb, directoryAudience(sender)))
      .executeTakeFirst();
    if (!ally) return fail(404, msg("refusals.contact.profileNotFound"));
    if (ally.userId === sender.id) return fail(409, msg("refusals.contact.ownProfile"));
    const pending = await trx
      .selectFrom("contactRequests")
      .select(["id", "message"])
      .where("senderId", "=", sender.id)
      .where("profileId", "=", profileId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (pending?.message === message) return { ok: true, duplicate: true };
    if (pending) {
      return fail(409, msg("refusals.contact.stillWaiting", { name: ally.displayName }));
    }
    const sentToday = await trx
      .selectFrom("contactRequests")
      .select(sql<number>`count(*)`.as("n"))
      .where("senderId", "=", sender.id)
      .where("createdAt", ">", sql<Date>`now() - interval '24 hours'`)
      .executeTakeFirstOrThrow();
    if (sentToday.n >= CONTACT_DAILY_LIMIT) {
      return fail(429, msg("refusals.contact.dailyLimit", { count: CONTACT_DAILY_LIMIT }));
    }
    const organization = await trx
      .selectFrom("orgMembers")
      .innerJoin("organizations", "organizations.id", "orgMembers.organizationId")
      .select("organizations.name")
      .where("orgMembers.userId", "=", sender.id)
      .orderBy("organizations.name")
      .executeTakeFirst();
    const request = await trx
      .insertInto("contactRequests")
      .values({ senderId: sender.id, profileId, message })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueueEmail(trx, {
      to: ally.email,
      template: "contact-request",
      props: {
        allyName: ally.displayName,
        senderName: sender.name,
        senderOrganization: organization?.name ?? null,
        message,
        answerUrl: new URL("/me/contacts", config.appUrl).toString(),
      },
      idempotencyKey: `contact-request:${request.id}`,
    });
    await audit(trx, {
      actorId: sender.id,
      action: "contact.request",
      subjectType: "ally_profile",
      subjectId: profileId,
      data: { requestId: request.id },
    });
    return { ok: true, duplicate: false };
  });
}

export type AnswerResult = Result;

/**
 * The ally accepts (the sender then gets the ally's address by email) or declines. Answering the
 * same way twice is harmless; changing an answer is refused. Someone else's request is a 404.
 */
export async function answerContactRequest(
  db: DB,
  allyUserId: string,
  requestId: string,
  answer: "accepted" | "declined",
): Promise<AnswerResult> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("contactRequests")
      .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
      .innerJoin("users as ally", "ally.id", "allyProfiles.userId")
      .innerJoin("users as sender", "sender.id", "contactRequests.senderId")
      .select([
        "contactRequests.id",
        "contactRequests.status",
        "allyProfiles.displayName",
        "ally.email as allyEmail",
        "sender.name as senderName",
        "sender.email as senderEmail",
      ])
      .where("contactRequests.id", "=", requestId)
      .where("allyProfiles.userId", "=", allyUserId)
      .forUpdate("contactRequests")
      .executeTakeFirst();
    if (!request) return fail(404, msg("refusals.contact.messageNotFound"));
    if (request.status === answer) return { ok: true };
    if (request.status !== "pending")
      return fail(
        409,
        request.status === "accepted"
          ? msg("refusals.contact.alreadyAccepted")
          : msg("refusals.contact.alreadyDeclined"),
      );
    await trx
      .updateTable("contactRequests")
      .set({ status: answer, answeredAt: sql`now()` })
      .where("id", "=", request.id)
      .execute();
    await enqueueEmail(trx, {
      to: request.senderEmail,
      template: "contact-answered",
      props: {
        senderName: request.senderName,
        allyName: request.displayName,
        allyEmail: answer === "accepted" ? request.allyEmail : null,
      },
      idempotencyKey: `contact-answered:${request.id}`,
    });
    await audit(trx, {
      actorId: allyUserId,
      action: `contact.${answer}`,
      subjectType: "contact_request",
      subjectId: request.id,
    });
    return { ok: true };
  });
}

/** Messages to the person's profile, newest first, and the ones they sent (with an address only once accepted). */
export async function listContacts(db: DB, userId: string) {
  const [received, sent] = await Promise.all([
    db
      .selectFrom("contactRequests")
      .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
      .innerJoin("users as sender", "sender.id", "contactRequests.senderId")
      .select([
        "contactRequests.id",
        "contactRequests.message",
        "contactRequests.status",
        "contactRequests.createdAt",
        "sender.name as senderName",
      ])
      .where("allyProfiles.userId", "=", userId)
      .orderBy("contactRequests.createdAt", "desc")
      .limit(100)
      .execute(),
    db
      .selectFrom("contactRequests")
      .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
      .innerJoin("users as ally", "ally.id", "allyProfiles.userId")
      .select([
        "contactRequests.id",
        "contactRequests.message",
        "contactRequests.status",
        "contactRequests.createdAt",
        "allyProfiles.id as profileId",
        "allyProfiles.displayName",
        sql<string | null>`case when contact_requests.status = 'accepted' then ally.email end`.as("allyEmail"),
      ])
      .where("contactRequests.senderId", "=", userId)
      .orderBy("contactRequests.createdAt", "desc")
      .limit(100)
      .execute(),
  ]);
  return { received, sent };
}
