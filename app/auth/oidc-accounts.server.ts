import { sql } from "kysely";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import type { Language } from "~/i18n/languages";
import type { OidcIdentity } from "./oidc.server";

export type OidcAccountResult =
  | { ok: true; userId: string; how: "identity" | "linked" | "created" }
  | { ok: false; reason: "no-email" | "unverified-email" | "deleted" };

/**
 * The account a provider's identity signs in to. An identity seen before is found by its subject
 * (the email may have changed at the provider since). A new one needs an email the provider has
 * verified: it links to the account with that address, or else becomes a new account without a
 * password and without roles (OIDC never grants staff; another staff member does). Each link is
 * audited. Two first sign-ins at once end on the same account (the link and the address are unique).
 */
export async function accountForIdentity(
  db: DB,
  identity: OidcIdentity,
  /** The language of the page the sign-in began on: a new account keeps it (see completeSignUp). */
  language: Language | null = null,
): Promise<OidcAccountResult> {
  return db.transaction().execute(async (trx): Promise<OidcAccountResult> => {
    const known = await linkedUser(trx, identity);
    if (known)
      return known.deletedAt ? { ok: false, reason: "deleted" } : { ok: true, userId: known.id, how: "identity" };
    if (!identity.email) return { ok: false, reason: "no-email" };
    if (!identity.emailVerified) return { ok: false, reason: "unverified-email" };

    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", identity.email)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    let userId = existing?.id;
    if (!userId) {
      const created = await trx
        .insertInto("users")
        .values({
          email: identity.email,
          name: (identity.name?.trim() || identity.email.split("@")[0]!).slice(0, 120),
          passwordHash: null,
          emailVerifiedAt: sql`now()`,
          locale: language,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      userId =
        created?.id ??
        (await trx.selectFrom("users").select("id").where("email", "=", identity.email).executeTakeFirstOrThrow()).id;
    }
    const inserted = await trx
      .insertInto("oidcIdentities")
      .values({ issuer: identity.issuer, subject: identity.subject, userId })
      .onConflict((oc) => oc.columns(["issuer", "subject"]).doNothing())
      .returning("userId")
      .executeTakeFirst();
    if (!inserted) {
      // Another sign-in of the same identity linked it a moment ago.
      const raced = await linkedUser(trx, identity);
      if (!raced || raced.deletedAt) return { ok: false, reason: "deleted" };
      return { ok: true, userId: raced.id, how: "identity" };
    }
    const how = existing ? "linked" : "created";
    await audit(trx, {
      actorId: userId,
      action: how === "linked" ? "auth.oidc_linked" : "auth.oidc_account_created",
      subjectType: "user",
      subjectId: userId,
      data: { issuer: identity.issuer, subject: identity.subject },
    });
    return { ok: true, userId, how };
  });
}

function linkedUser(db: DB, identity: Pick<OidcIdentity, "issuer" | "subject">) {
  return db
    .selectFrom("oidcIdentities")
    .innerJoin("users", "users.id", "oidcIdentities.userId")
    .select(["users.id", "users.deletedAt"])
    .where("oidcIdentities.issuer", "=", identity.issuer)
    .where("oidcIdentities.subject", "=", identity.subject)
    .executeTakeFirst();
}
