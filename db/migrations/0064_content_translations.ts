import { sql, type Kysely } from "kysely";

// Frozen in time once landed: never edit, never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Staff-written content in other languages: one jsonb column on each translatable row, keyed by
  // language, holding only the fields translated, e.g. {"es": {"label": "…", "help": "…"}}. A
  // missing language or field falls back to the row's own (original) text.
  for (const table of ["cycles", "cycle_questions", "eligibility_questions", "campaigns"]) {
    await sql`alter table ${sql.table(table)} add column translations jsonb not null default '{}'::jsonb`.execute(db);
    await sql`
      alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_translations_languages`)}
      check (jsonb_typeof(translations) = 'object' and translations - array['en', 'es', 'fr', 'ar'] = '{}'::jsonb)
    `.execute(db);
  }
}
