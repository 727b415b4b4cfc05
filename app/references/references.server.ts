import { msg } from "~/i18n/message";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { hashToken, randomToken } from "~/auth/tokens.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { fail, type Result } from "~/utils/result";
import { handReminderWait, linkExpiry, referenceDeadline } from "./references";

/**
 * The applicant's side of reference letters: naming referees, reminding and replacing them. Each
 * request is one referee for one application; its emailed link holds a random token stored only
 * as its hash. The applicant reads the status of each request, never its letter or answers.
 */

export type ReferenceWrite = Result<
  Record<never, never>,
  404 | 409 | 429,
  { field?: "email" | "requestId"; retryAfter?: number }
>;

/** The statuses in which an application still gathers references. */
const GATHERING = ["draft", "submitted", "in_review"] as const;

export interface Referee {
  name: string;
  email: string;
  relationship: string;
}

/** The applicant's own application with what the reference rules need, locked for the change. */
async function lockOwnApplication(trx: Kysely<Database>, applicantId: string, applicationId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("cycles", "cycles.id", "applications.cycleId")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select([
      "applications.id",
      "applications.status",
      "applications.cycleId",
      "cycles.name as cycleName",
      "cycles.closesAt",
      "cycles.referenceDeadline",
      "cycles.referencesMax",
      "cycles.timezone",
      "users.name as applicantName",
      "users.email as applicantEmail",
      sql<Date>`now()`.as("now"),
    ])
    .where("applications.id", "=", applicationId)
    .where("applications.applicantId", "=", applicantId)
    .forUpdate("applications")
    .executeTakeFirst();
}
type OwnApplication = NonNullable<Awaited<ReturnType<typeof lockOwnApplication>>>;

/**
 * The start of every applicant write on references: their own application (404 for anyone else's),
 * locked, and still gathering references (409 once it no longer takes them or the deadline passed).
 */
async function lockGatheringApplication(
  trx: Kysely<Database>,
  input: { applicantId: string; applicationId: string },
): Promise<Result<{ application: OwnApplication }, 404 | 409>> {
  const application = await lockOwnApplication(trx, input.applicantId, input.applicationId);
  if (!application) return fail(404, msg("apply.refusals.notFound"));
  if (!(GATHERING as readonly string[]).includes(application.status))
    return fail(409, msg("references.errors.notGathering"));
  if (application.now >= referenceDeadline(application)) return fail(409, msg("references.errors.deadline"));
  return { ok: true, application };
}

/** Whether this address is one the applicant may not name: their own, or one already named. */
async function refereeRefusal(
  trx: Kysely<Database>,
  application: OwnApplication,
  email: string,
  exceptRequestId?: string,
): Promise<ReferenceWrite | null> {
  if (email.toLowerCase() === application.applicantEmail.toLowerCase())
    return { ok: false, status: 409, field: "email", message: msg("references.errors.self") };
  let named = trx
    .selectFrom("referenceRequests")
    .select("id")
    .where("applicationId", "=", application.id)
    .where("status", "!=", "revoked")
    .where(sql<boolean>`lower(referee_email) = lower(${email})`);
  if (exceptRequestId) named = named.where("id", "!=", exceptRequestId);
  if (await named.executeTakeFirst())
    return { ok: false, status: 409, field: "email", message: msg("references.errors.again") };
  return null;
}

/** Creates the request and queues its email, in the caller's transaction. */
async function createRequest(
  trx: Kysely<Database>,
  config: AppConfig,
  application: OwnApplication,
  referee: Referee,
): Promise<string> {
  const token = randomToken();
  const expiresAt = linkExpiry(referenceDeadline(application), application.now);
  const row = await trx
    .insertInto("referenceRequests")
    .values({
      applicationId: application.id,
      cycleId: application.cycleId,
      refereeName: referee.name,
      refereeEmail: referee.email,
      relationship: referee.relationship,
      tokenHash: hashToken(token),
      expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sendLink(trx, config, { ...application, ...referee, requestId: row.id, token, expiresAt, emailNumber: 0 });
  return row.id;
}

/** The email carrying a request's link: the first one, or a reminder (its own outbox key each). */
export async function sendLink(
  trx: Kysely<Database>,
  config: AppConfig,
  input: Referee & {
    requestId: string;
    token: string;
    expiresAt: Date;
    applicantName: string;
    cycleName: string;
    timezone: string;
    /** 0 for the request, then one more for each reminder. */
    emailNumber: number;
  },
): Promise<boolean> {
  // A referee may have no account: then the message is in the applicant's language.
  const applicant = await trx
    .selectFrom("referenceRequests")
    .innerJoin("applications", "applications.id", "referenceRequests.applicationId")
    .innerJoin("users", "users.id", "applications.applicantId")
    .select("users.locale")
    .where("referenceRequests.id", "=", input.requestId)
    .executeTakeFirst();
  return enqueueEmail(trx, {
    to: input.email,
    template: "reference-request",
    fallbackLanguage: applicant?.locale ?? null,
    props: {
      refereeName: input.name,
      applicantName: input.applicantName,
      cycleName: input.cycleName,
      relationship: input.relationship,
      uploadUrl: new URL(`/references/${input.token}`, config.appUrl).toString(),
      expiresAt: emailMoment(input.expiresAt, input.timezone),
      reminder: input.emailNumber > 0,
    },
    idempotencyKey: `reference-request:${input.requestId}:${input.emailNumber}`,
  });
}

/**
 * Names a referee: the address must be neither the applicant's nor one already named, the cycle's
 * maximum holds, and references are still taken. Sending the same referee again at once (a double
 * click, a resubmitted form) changes nothing.
 */
export async function nameReferee(
  db: DB,
  config: AppConfig,
  input: { applicantId: string; applicationId: string; referee: Referee },
): Promise<ReferenceWrite> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockGatheringApplication(trx, input);
    if (!locked.ok) return locked;
    const { application } = locked;
    const resent = await trx
      .selectFrom("referenceRequests")
      .select("id")
      .where("applicationId", "=", application.id)
      .where("status", "=", "requested")
      .where(sql<boolean>`lower(referee_email) = lower(${input.referee.email})`)
      .where("refereeName", "=", input.referee.name)
      .where("createdAt", ">", sql<Date>`now() - interval '1 minute'`)
      .executeTakeFirst();
    if (resent) return { ok: true };
    const refused = await refereeRefusal(trx, application, input.referee.email);
    if (refused) return refused;
    const active = await trx
      .selectFrom("referenceRequests")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("applicationId", "=", application.id)
      .where("status", "!=", "revoked")
      .executeTakeFirstOrThrow();
    if (active.count >= application.referencesMax)
      return {
        ok: false,
        status: 409,
        message: msg("references.errors.atMost", { count: application.referencesMax }),
      };
    const requestId = await createRequest(trx, config, application, input.referee);
    await audit(trx, {
      actorId: input.applicantId,
      action: "reference.request",
      subjectType: "reference_request",
      subjectId: requestId,
      data: { applicationId: application.id },
    });
    return { ok: true };
  });
}

/** A request of the applicant's that still awaits its letter, locked. */
async function lockOpenRequest(trx: Kysely<Database>, applicationId: string, requestId: string) {
  return trx
    .selectFrom("referenceRequests")
    .select([
      "id",
      "refereeName",
      "refereeEmail",
      "relationship",
      "status",
      "createdAt",
      "lastRemindedAt",
      "remindersSent",
    ])
    .where("id", "=", requestId)
    .where("applicationId", "=", applicationId)
    .where("status", "=", "requested")
    .forUpdate()
    .executeTakeFirst();
}

/**
 * A reminder sent now, by the applicant or the schedule: a new link (the old one stops working,
 * as only hashes are kept), and the email with it.
 */
export async function remindNow(
  trx: Kysely<Database>,
  config: AppConfig,
  request: { id: string; refereeName: string; refereeEmail: string; relationship: string; remindersSent: number },
  context: { applicantName: string; cycleName: string; timezone: string; deadline: Date; now: Date },
): Promise<void> {
  const token = randomToken();
  const expiresAt = linkExpiry(context.deadline, context.now);
  await trx
    .updateTable("referenceRequests")
    .set({
      tokenHash: hashToken(token),
      expiresAt,
      remindersSent: sql`reminders_sent + 1`,
      lastRemindedAt: context.now,
      updatedAt: sql`now()`,
      version: sql`version + 1`,
    })
    .where("id", "=", request.id)
    .execute();
  await sendLink(trx, config, {
    ...context,
    name: request.refereeName,
    email: request.refereeEmail,
    relationship: request.relationship,
    requestId: request.id,
    token,
    expiresAt,
    emailNumber: request.remindersSent + 1,
  });
}

/** The applicant reminds a referee by hand: at most once a day per referee (429 with the wait otherwise). */
export async function remindReferee(
  db: DB,
  config: AppConfig,
  input: { applicantId: string; applicationId: string; requestId: string },
): Promise<ReferenceWrite> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockGatheringApplication(trx, input);
    if (!locked.ok) return locked;
    const { application } = locked;
    const request = await lockOpenRequest(trx, application.id, input.requestId);
    if (!request) return { ok: false, status: 404, field: "requestId", message: msg("references.errors.noneWaiting") };
    const wait = handReminderWait(request.lastRemindedAt ?? request.createdAt, application.now);
    if (wait > 0) {
      const hours = Math.ceil(wait / 3600);
      return {
        ok: false,
        status: 429,
        retryAfter: wait,
        message: msg("references.errors.remindLater", { name: request.refereeName, count: hours }),
      };
    }
    await remindNow(trx, config, request, {
      ...application,
      deadline: referenceDeadline(application),
      now: application.now,
    });
    await audit(trx, {
      actorId: input.applicantId,
      action: "reference.remind",
      subjectType: "reference_request",
      subjectId: request.id,
    });
    return { ok: true };
  });
}

/**
 * Replaces a referee whose letter has not arrived: the old request is revoked (its link stops
 * working at once) and the new referee gets a request of their own.
 */
export async function replaceReferee(
  db: DB,
  config: AppConfig,
  input: { applicantId: string; applicationId: string; requestId: string; referee: Referee },
): Promise<ReferenceWrite> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockGatheringApplication(trx, input);
    if (!locked.ok) return locked;
    const { application } = locked;
    const request = await lockOpenRequest(trx, application.id, input.requestId);
    if (!request) return { ok: false, status: 404, field: "requestId", message: msg("references.errors.noneWaiting") };
    const refused = await refereeRefusal(trx, application, input.referee.email, request.id);
    if (refused) return refused;
    await trx
      .updateTable("referenceRequests")
      .set({ status: "revoked", revokedAt: sql`now()`, updatedAt: sql`now()`, version: sql`version + 1` })
      .where("id", "=", request.id)
      .execute();
    const requestId = await createRequest(trx, config, application, input.referee);
    await audit(trx, {
      actorId: input.applicantId,
      action: "reference.replace",
      subjectType: "reference_request",
      subjectId: requestId,
      data: { applicationId: application.id, replaced: request.id },
    });
    return { ok: true };
  });
}

/** What the applicant sees of their references: who, and whether the letter arrived. Never the letter. */
export async function listOwnReferences(db: DB, applicationId: string) {
  const rows = await db
    .selectFrom("referenceRequests")
    .select([
      "id",
      "refereeName",
      "refereeEmail",
      "relationship",
      "status",
      "createdAt",
      "lastRemindedAt",
      "receivedAt",
      sql<Date>`now()`.as("now"),
    ])
    .where("applicationId", "=", applicationId)
    .where("status", "!=", "revoked")
    .orderBy("createdAt")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.refereeName,
    email: row.refereeEmail,
    relationship: row.relationship,
    status: row.status === "received" ? ("received" as const) : ("requested" as const),
    receivedAt: row.receivedAt,
    remindWaitSeconds: row.status === "received" ? 0 : handReminderWait(row.lastRemindedAt ?? row.createdAt, row.now),
  }));
}
