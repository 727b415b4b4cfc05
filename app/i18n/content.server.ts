import type { AppLoadContext } from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/client";
import type { ContentTranslations, Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { invalid } from "~/utils/forms.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { parseSubmission } from "~/utils/parse-submission";
import { fail, success, type Result } from "~/utils/result";
import { LANGUAGE_NAMES, type Language } from "./languages";
import { msg } from "./message";
import { localizeCycle, TRANSLATABLE_FIELDS, type TranslatableKind } from "./content";
import { TranslationSchema, type TranslationInput } from "./content.schema";

/** Where each kind of item lives, and which column ties it to the page that edits it. */
const TABLES = {
  cycle: { table: "cycles", scope: "id" },
  question: { table: "cycle_questions", scope: "cycle_id" },
  eligibility: { table: "eligibility_questions", scope: "cycle_id" },
  campaign: { table: "campaigns", scope: "id" },
} as const satisfies Record<TranslatableKind, { table: string; scope: string }>;

type TranslationField = "label" | "help" | "options" | "reason" | "description" | "summary";

export type TranslationWrite = Result<object, 404 | 409, { field?: TranslationField }>;

/**
 * Stores (or, with every field empty, removes) one language's translation of one item. `scopeId`
 * is the cycle or campaign of the page: an item of another one answers as missing. Translated
 * choices must be as many as the original's, in its order (the original stays the stored value).
 */
export async function saveTranslation(
  db: DB,
  actorId: string,
  kind: TranslatableKind,
  scopeId: string,
  input: TranslationInput,
): Promise<TranslationWrite> {
  const { table, scope } = TABLES[kind];
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ translations: ContentTranslations; options: string[] | null }>`
      select translations, ${kind === "question" || kind === "eligibility" ? sql`options` : sql`null`} as options
      from ${sql.table(table)} where id = ${input.itemId} and ${sql.ref(scope)} = ${scopeId} for update`.execute(trx);
    const row = rows[0];
    if (!row) return fail(404, msg("staff.translations.missingItem"));
    const entry: Record<string, string | string[]> = {};
    for (const field of TRANSLATABLE_FIELDS[kind] as readonly TranslationField[]) {
      const value = input[field];
      if (value === "") continue;
      if (field !== "options") {
        entry[field] = value;
        continue;
      }
      const choices = value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const originals = row.options ?? [];
      if (choices.length !== originals.length)
        return fail(409, msg("staff.translations.choiceCount", { count: originals.length }), { field: "options" });
      entry[field] = choices;
    }
    const { [input.language]: _previous, ...others } = row.translations ?? {};
    const translations: ContentTranslations = Object.keys(entry).length
      ? { ...others, [input.language]: entry }
      : others;
    await sql`update ${sql.table(table)} set translations = ${JSON.stringify(translations)}::jsonb
      where id = ${input.itemId}`.execute(trx);
    await audit(trx as Kysely<Database>, {
      actorId,
      action: Object.keys(entry).length ? "translation.save" : "translation.remove",
      subjectType: kind,
      subjectId: input.itemId,
      data: { language: input.language },
    });
    return success({});
  });
}

/**
 * The action half of a staff page's "Translations" forms: parse, save, respond. The caller has
 * checked that the person is staff of `scopeId`'s cycle or campaign. A refusal comes back as the
 * form's reply for the item and language (`target`), with the field at fault.
 */
export async function translationAction(
  context: AppLoadContext,
  formData: FormData,
  actorId: string,
  kind: TranslatableKind,
  scopeId: string,
  backTo: string,
) {
  const submission = parseSubmission(formData, { schema: TranslationSchema });
  const target = `translate:${String(formData.get("itemId"))}:${String(formData.get("language"))}`;
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const saved = await saveTranslation(context.db, actorId, kind, scopeId, submission.value);
  if (!saved.ok) {
    const errors = saved.field ? { fieldErrors: { [saved.field]: [saved.message] } } : { formErrors: [saved.message] };
    return invalid({ target, result: submission.reply(errors) }, saved.status);
  }
  return redirectAfterSuccess(
    context.config,
    backTo,
    msg("staff.translations.saved", { language: LANGUAGE_NAMES[submission.value.language] }),
  );
}

/** The stored translations of some rows, by id (pages read the rows themselves as before). */
export async function translationsOf(
  db: DB,
  kind: TranslatableKind,
  ids: readonly string[],
): Promise<Map<string, ContentTranslations>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; translations: ContentTranslations }>`
    select id, translations from ${sql.table(TABLES[kind].table)} where id in (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((row) => [row.id, row.translations]));
}

/** Rows with their translations attached, for a `localize…` function or a staff page. */
export async function withTranslations<T extends { id: string }>(
  db: DB,
  kind: TranslatableKind,
  rows: T[],
): Promise<(T & { translations: ContentTranslations })[]> {
  const translations = await translationsOf(
    db,
    kind,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, translations: translations.get(row.id) ?? {} }));
}

/** A cycle's description in `language` where staff translated it, else the original. */
export async function localizedDescription(
  db: DB,
  cycle: { id: string; description: string },
  language: Language,
): Promise<string> {
  const [withText] = await withTranslations(db, "cycle", [cycle]);
  return localizeCycle(withText!, language).description;
}
