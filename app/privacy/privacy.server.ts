import { sql, type Transaction } from "kysely";
import type { Database } from "#db/types";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { consumeCode, issueCode, VerificationPurpose, type CodeCheck } from "~/auth/verification.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { releaseProgramWork } from "./program-work.server";

/** Everything the portal keeps about one person, as they may download it (no secrets, no hashes). */
export async function exportMyData(db: DB, userId: string) {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "timezone", "locale", "emailVerifiedAt", "createdAt", "updatedAt"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const [
    profile,
    applications,
    files,
    events,
    sessions,
    memberships,
    sent,
    received,
    assignments,
    panels,
    reviews,
    rankings,
  ] = await Promise.all([
    db
      .selectFrom("allyProfiles")
      .selectAll()
      .select(sql<string>`search::text`.as("search"))
      .where("userId", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("applications")
      .innerJoin("cycles", "cycles.id", "applications.cycleId")
      .select([
        "applications.id",
        "cycles.name as cycle",
        "applications.status",
        "applications.answers",
        "applications.submittedAt",
        "applications.createdAt",
      ])
      .where("applicantId", "=", userId)
      .execute(),
    db
      .selectFrom("files")
      .select(["id", "applicationId", "filename", "contentType", "sizeBytes", "createdAt"])
      .where("ownerId", "=", userId)
      .execute(),
    db
      .selectFrom("applicationEvents")
      .innerJoin("applications", "applications.id", "applicationEvents.applicationId")
      .select([
        "applicationEvents.applicationId",
        "applicationEvents.kind",
        "applicationEvents.fromStatus",
        "applicationEvents.toStatus",
        "applicationEvents.at",
      ])
      .where("applications.applicantId", "=", userId)
      .execute(),
    db
      .selectFrom("sessions")
      .select(["createdAt", "lastSeenAt", "userAgent", "clientAddress"])
      .where("userId", "=", userId)
      .execute(),
    db
      .selectFrom("orgMembers")
      .innerJoin("organizations", "organizations.id", "orgMembers.organizationId")
      .select(["organizations.name", "orgMembers.role"])
      .where("orgMembers.userId", "=", userId)
      .execute(),
    db
      .selectFrom("contactRequests")
      .select(["id", "profileId", "message", "status", "createdAt"])
      .where("senderId", "=", userId)
      .execute(),
    db
      .selectFrom("contactRequests")
      .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
      .innerJoin("users as sender", "sender.id", "contactRequests.senderId")
      .select([
        "contactRequests.id",
        "sender.name as senderName",
        "contactRequests.message",
        "contactRequests.status",
        "contactRequests.createdAt",
      ])
      .where("allyProfiles.userId", "=", userId)
      .execute(),
    db
      .selectFrom("campaignAssignments")
      .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
      .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
      .select([
        "campaigns.name as campaign",
        "campaignAssignments.status",
        "campaignAssignments.showPublicly",
        "campaignAssignments.answeredAt",
        "campaignAssignments.createdAt",
      ])
      .where("allyProfiles.userId", "=", userId)
      .execute(),
    db
      .selectFrom("cycleReviewers")
      .innerJoin("cycles", "cycles.id", "cycleReviewers.cycleId")
      .select(["cycles.name as cycle", "cycleReviewers.capacity", "cycleReviewers.expertise", "cycleReviewers.active"])
      .where("cycleReviewers.userId", "=", userId)
      .execute(),
    // What they wrote as a reviewer, by application id only: the applicants are other people.
    db
      .selectFrom("reviewAssignments")
      .leftJoin("reviews", "reviews.assignmentId", "reviewAssignments.id")
      .select([
        "reviewAssignments.applicationId",
        "reviewAssignments.status",
        "reviewAssignments.recusalReason",
        "reviews.scores",
        "reviews.comments",
        "reviews.recommendation",
        "reviews.confidence",
        "reviews.overallComment",
        "reviews.submittedAt",
      ])
      .where("reviewAssignments.reviewerId", "=", userId)
      .execute(),
    db
      .selectFrom("rankEntries")
      .innerJoin("applications", "applications.id", "rankEntries.applicationId")
      .innerJoin("positions", "positions.id", "rankEntries.positionId")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select([
        "rankEntries.applicationId",
        "rankEntries.rank",
        "positions.title as position",
        "organizations.name as organization",
      ])
      .where("rankEntries.side", "=", "applicant")
      .where("applications.applicantId", "=", userId)
      .orderBy("rankEntries.applicationId")
      .orderBy("rankEntries.rank")
      .execute(),
  ]);
  const { search: _search, ...profileFields } = profile ?? { search: "" };
  const year = await fellowshipYearOf(db, userId);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    directoryProfile: profile ? profileFields : null,
    applications: applications.map((application) => ({
      ...application,
      events: events.filter((e) => e.applicationId === application.id),
    })),
    files,
    sessions,
    organizations: memberships,
    messagesSent: sent,
    messagesReceived: received,
    campaigns: assignments,
    reviewerPanels: panels,
    reviewsWritten: reviews,
    placementRankings: rankings,
    ...year,
  };
}

/** A person's interviews as a finalist, their fellowships with the reports they wrote, and their calendar addresses (never tokens). */
async function fellowshipYearOf(db: DB, userId: string) {
  const [interviews, fellowships, reports, calendarAddresses] = await Promise.all([
    db
      .selectFrom("interviewBookings")
      .innerJoin("applications", "applications.id", "interviewBookings.applicationId")
      .innerJoin("interviewSlots", "interviewSlots.id", "interviewBookings.slotId")
      .select([
        "interviewBookings.positionId",
        "interviewBookings.status",
        "interviewSlots.startsAt",
        "interviewSlots.minutes",
      ])
      .where("applications.applicantId", "=", userId)
      .execute(),
    db
      .selectFrom("fellowships")
      .select(["id", "positionId", "startsOn", "endsOn", "cohortYear", "status", "alumniListingAt"])
      .where("fellowId", "=", userId)
      .execute(),
    db
      .selectFrom("fellowshipReports")
      .innerJoin("fellowships", "fellowships.id", "fellowshipReports.fellowshipId")
      .select([
        "fellowshipReports.fellowshipId",
        "fellowshipReports.dueOn",
        "fellowshipReports.status",
        "fellowshipReports.answers",
        "fellowshipReports.submittedAt",
      ])
      .where("fellowships.fellowId", "=", userId)
      .execute(),
    db
      .selectFrom("calendarFeeds")
      .select(["createdAt", "expiresAt", "revokedAt", "lastUsedAt"])
      .where("userId", "=", userId)
      .execute(),
  ]);
  return { interviews, fellowships, fellowshipReports: reports, calendarAddresses };
}

/** Sends the code that confirms a deletion (to the account's own address: a stolen session alone cannot delete it). */
export async function requestAccountDeletion(
  db: DB,
  config: AppConfig,
  user: { id: string; email: string; name: string },
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction().execute(async (trx) => {
    if (await isLastStaff(trx, user.id)) return { ok: false, message: LAST_STAFF_MESSAGE };
    const issued = await issueCode(trx, config.sessionSecrets[0]!, {
      purpose: VerificationPurpose.deleteAccount,
      target: user.email,
      payload: { userId: user.id },
    });
    // Asked again too soon: the code already sent still works.
    if (!issued) return { ok: true };
    await enqueueEmail(trx, {
      to: user.email,
      template: "delete-account-code",
      props: { name: user.name, code: issued.code, accountUrl: new URL("/me/account", config.appUrl).toString() },
      idempotencyKey: `delete-account:${issued.id}`,
    });
    return { ok: true };
  });
}

export type DeletionResult = { ok: true } | { ok: false; reason: Exclude<CodeCheck["status"], "ok"> | "last-staff" };

export const LAST_STAFF_MESSAGE = "You are the program's only staff member: give someone else staff access first.";

/**
 * Whether this person is the program's only staff member, who may not leave it without staff.
 * Locks the staff rows (as revoking staff access does) so two deletions at once cannot both pass.
 */
async function isLastStaff(trx: Transaction<Database>, userId: string): Promise<boolean> {
  const staff = await trx.selectFrom("userRoles").select("userId").where("role", "=", "staff").forUpdate().execute();
  return staff.length === 1 && staff[0]!.userId === userId;
}

/**
 * Deletes an account once the emailed code matches, in one transaction: the directory profile,
 * messages, memberships, sessions and email copies go; applications stay for the program's
 * numbers but lose their answers and files; audit entries stay, without names or addresses; the
 * account row is kept only as an anonymous placeholder so those references still hold.
 */
export async function confirmAccountDeletion(
  db: DB,
  config: AppConfig,
  user: { id: string; email: string },
  code: string,
): Promise<DeletionResult> {
  return db.transaction().execute(async (trx) => {
    if (await isLastStaff(trx, user.id)) return { ok: false, reason: "last-staff" };
    const check = await consumeCode(trx, config.sessionSecrets, {
      purpose: VerificationPurpose.deleteAccount,
      target: user.email,
      code,
    });
    if (check.status !== "ok") return { ok: false, reason: check.status };
    if (check.payload.userId !== user.id) return { ok: false, reason: "invalid" };
    const id = user.id;
    await trx.deleteFrom("allyProfiles").where("userId", "=", id).execute();
    await trx.deleteFrom("contactRequests").where("senderId", "=", id).execute();
    await trx.deleteFrom("orgMembers").where("userId", "=", id).execute();
    await trx.deleteFrom("userRoles").where("userId", "=", id).execute();
    await trx.deleteFrom("files").where("ownerId", "=", id).execute();
    const applications = trx.selectFrom("applications").select("id").where("applicantId", "=", id);
    await trx.deleteFrom("applicationDemographics").where("applicationId", "in", applications).execute();
    await releaseProgramWork(trx, id);
    await trx
      .updateTable("applications")
      .set({ answers: JSON.stringify({}), updatedAt: sql`now()`, version: sql`version + 1` })
      .where("applicantId", "=", id)
      .execute();
    await trx.deleteFrom("emailOutbox").where("recipient", "=", user.email).execute();
    await trx.deleteFrom("verifications").where("target", "=", user.email).execute();
    await trx.deleteFrom("invitations").where("email", "=", user.email).where("acceptedAt", "is", null).execute();
    await trx.deleteFrom("signInFailures").where("email", "=", user.email).execute();
    await trx
      .updateTable("auditLog")
      .set({ data: sql`data - 'email' - 'name' - 'message'` })
      .where((eb) => eb.or([eb("actorId", "=", id), eb("subjectId", "=", id)]))
      .execute();
    await trx
      .updateTable("users")
      .set({
        name: "Deleted account",
        email: `deleted-${id}@deleted.invalid`,
        passwordHash: null,
        emailVerifiedAt: null,
        deletedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("sessions").where("userId", "=", id).execute();
    await audit(trx, { actorId: id, action: "account.delete", subjectType: "user", subjectId: id });
    return { ok: true };
  });
}
