import { sql, type Transaction } from "kysely";
import type { Database } from "#db/types";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { consumeCode, issueCode, VerificationPurpose, type CodeCheck } from "~/auth/verification.server";
import { enqueueEmail } from "~/email/outbox.server";
import { msg } from "~/i18n/message";
import type { AppConfig } from "~/utils/config.server";
import { releaseProgramWork } from "./program-work.server";
import { pseudonymOf, scrubMentions } from "./scrub.server";

// The export lives in its own module; this keeps the privacy module's one front door.
export { exportMyData } from "./export.server";

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

export const LAST_STAFF_MESSAGE = msg("accountPage.lastStaff");

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
 * numbers but lose their answers, files and references; audit entries stay, without names or addresses; every
 * mention of the email or name in others' records (audit data, their emails, notes) becomes the
 * pseudonym; the account row is kept only as that pseudonym so those references still hold.
 */
export async function confirmAccountDeletion(
  db: DB,
  config: AppConfig,
  user: { id: string; email: string; name: string },
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
    // Letters about them, and whom they named, go with the answers.
    await trx.deleteFrom("referenceRequests").where("applicationId", "in", applications).execute();
    await releaseProgramWork(trx, id);
    await trx
      .updateTable("applications")
      .set({ answers: JSON.stringify({}), updatedAt: sql`now()`, version: sql`version + 1` })
      .where("applicantId", "=", id)
      .execute();
    // Addresses are typed in any case (an invitation in capitals is still theirs).
    await trx
      .deleteFrom("emailOutbox")
      .where(sql<boolean>`lower(recipient) = lower(${user.email})`)
      .execute();
    await trx.deleteFrom("verifications").where("target", "=", user.email).execute();
    await trx.deleteFrom("invitations").where("email", "=", user.email).where("acceptedAt", "is", null).execute();
    await trx.deleteFrom("signInFailures").where("email", "=", user.email).execute();
    await trx
      .updateTable("auditLog")
      .set({ data: sql`data - 'email' - 'name' - 'message'` })
      .where((eb) => eb.or([eb("actorId", "=", id), eb("subjectId", "=", id)]))
      .execute();
    await scrubMentions(trx, user);
    const pseudonym = pseudonymOf(id);
    await trx
      .updateTable("users")
      .set({
        name: pseudonym.name,
        email: pseudonym.email,
        passwordHash: null,
        emailVerifiedAt: null,
        deletedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("sessions").where("userId", "=", id).execute();
    // A deleted account cannot be signed in to again through the program's provider either.
    await trx.deleteFrom("oidcIdentities").where("userId", "=", id).execute();
    await audit(trx, { actorId: id, action: "account.delete", subjectType: "user", subjectId: id });
    return { ok: true };
  });
}
