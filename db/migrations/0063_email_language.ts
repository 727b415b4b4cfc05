import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // The language a queued message was written in, fixed when it was queued (the subject and body
  // are rendered then): a later change of the recipient's choice does not alter it. Every message
  // queued before this migration was written in English.
  await sql`alter table email_outbox add column language text not null default 'en'`.execute(db);
  await sql`
    alter table email_outbox add constraint email_outbox_language_check check (language in ('en', 'es', 'fr', 'ar'))
  `.execute(db);
}
