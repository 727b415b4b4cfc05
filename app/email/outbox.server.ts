import type { Kysely } from "kysely";
import type { Database, EmailAttachment } from "#db/types";
import { renderEmail, type EmailProps, type EmailTemplateName } from "#emails/index";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/languages";

export interface OutgoingEmail<N extends EmailTemplateName> {
  to: string;
  template: N;
  props: EmailProps<N>;
  /** The same key twice yields one message: resubmits and retries never send twice. */
  idempotencyKey: string;
  /** Files sent with the message (a calendar invitation); stored with it, so a retry sends the same. */
  attachments?: EmailAttachment[];
  /** Held in the outbox until then (a release staff can still cancel); due at once without it. */
  notBefore?: Date;
  /**
   * The language to write in, when the caller already resolved it (`recipientLanguage`). Without
   * it: the recipient's saved choice, else `fallbackLanguage`, else English.
   */
  language?: Language;
  /**
   * For a recipient with no account or no saved choice: the language of the person whose action
   * causes the message (a referee gets the applicant's language; a sign-up code the page's).
   */
  fallbackLanguage?: Language | null;
}

/**
 * The language a message to `address` is written in: the saved choice of the account with that
 * address, else the fallback (the language of the person whose action causes it), else English.
 */
export async function recipientLanguage(
  trx: Kysely<Database>,
  address: string,
  fallback?: Language | null,
): Promise<Language> {
  const account = await trx.selectFrom("users").select("locale").where("email", "=", address).executeTakeFirst();
  return account?.locale ?? fallback ?? DEFAULT_LANGUAGE;
}

/**
 * Writes a message to the outbox. Call it with the transaction of the change that causes the
 * message, so the message exists exactly when the change does; the delivery worker sends it.
 * The message is rendered now, in its recipient's language, and stored with that language: a
 * later change of language does not alter a queued message.
 * Returns false when a message with this key was already queued.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  trx: Kysely<Database>,
  email: OutgoingEmail<N>,
): Promise<boolean> {
  const language = email.language ?? (await recipientLanguage(trx, email.to, email.fallbackLanguage));
  const rendered = await renderEmail(email.template, email.props, language);
  const inserted = await trx
    .insertInto("emailOutbox")
    .values({
      idempotencyKey: email.idempotencyKey,
      recipient: email.to,
      template: email.template,
      props: JSON.stringify(email.props),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      language: rendered.language,
      attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
      ...(email.notBefore ? { nextAttemptAt: email.notBefore } : {}),
    })
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}
