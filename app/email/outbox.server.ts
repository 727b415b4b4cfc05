import type { Kysely } from "kysely";
import type { Database, EmailAttachment } from "#db/types";
import { renderEmail, type EmailProps, type EmailTemplateName } from "#emails/index";

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
}

/**
 * Writes a message to the outbox. Call it with the transaction of the change that causes the
 * message, so the message exists exactly when the change does; the delivery worker sends it.
 * Returns false when a message with this key was already queued.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  trx: Kysely<Database>,
  email: OutgoingEmail<N>,
): Promise<boolean> {
  const rendered = await renderEmail(email.template, email.props);
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
      attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
      ...(email.notBefore ? { nextAttemptAt: email.notBefore } : {}),
    })
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}
