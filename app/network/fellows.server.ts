import type { Kysely } from "kysely";
import type { Database } from "#db/types";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";

/**
 * Invites a fellow to join the network when their placement is accepted. Call it in the
 * transaction that moves the application to `accepted`: the email exists exactly when the
 * placement does. Joining stays the fellow's choice (the profile page asks for consent); someone
 * already listed is not invited, and nobody is invited twice.
 */
export async function inviteFellowToNetwork(
  trx: Kysely<Database>,
  config: AppConfig,
  applicationId: string,
): Promise<boolean> {
  const fellow = await trx
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicantId")
    .leftJoin("allyProfiles", (join) =>
      join.onRef("allyProfiles.userId", "=", "users.id").on("allyProfiles.withdrawnAt", "is", null),
    )
    .select(["users.id", "users.name", "users.email", "allyProfiles.id as profileId"])
    .where("applications.id", "=", applicationId)
    .where("applications.status", "=", "accepted")
    .where("users.deletedAt", "is", null)
    .executeTakeFirst();
  if (!fellow || fellow.profileId) return false;
  return enqueueEmail(trx, {
    to: fellow.email,
    template: "network-invitation",
    props: { name: fellow.name, profileUrl: new URL("/me/profile", config.appUrl).toString() },
    idempotencyKey: `network-invitation:${fellow.id}`,
  });
}
