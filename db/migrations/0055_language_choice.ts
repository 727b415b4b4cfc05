import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // A person's language becomes a choice they make: null means "not chosen", so pages follow the
  // browser's Accept-Language. No form could set the column before, so every 'en' in it is the old
  // default, not a choice.
  await sql`alter table users alter column locale drop not null`.execute(db);
  await sql`alter table users alter column locale drop default`.execute(db);
  await sql`update users set locale = null where locale = 'en'`.execute(db);
  await sql`
    alter table users add constraint users_locale_check check (locale is null or locale in ('en', 'es', 'fr', 'ar'))
  `.execute(db);
}
