import { sql, type Transaction } from "kysely";
import type { Database } from "#db/types";
import { scrubbedColumns } from "./personal-data";

/** What a deleted person is called wherever they were mentioned: one stable pseudonym per account. */
export function pseudonymOf(userId: string) {
  return { name: "Deleted account", email: `deleted-${userId}@deleted.invalid` };
}

/** A PostgreSQL regular expression matching the text literally (every non-alphanumeric escaped). */
function literal(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, (char) => `\\${char}`);
}

/** How a name can be stored: as typed, escaped in HTML (email bodies), escaped in JSON (payloads). */
function spellings(text: string): string[] {
  const html = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, html, html.replaceAll("'", "&#x27;"), html.replaceAll("'", "&#39;"), json])];
}

/**
 * Replaces the person's email address and full name, in any case, wherever others' records
 * mention them (audit entries such as `invitation.create`, other people's emails, notes,
 * comments), by their pseudonym, in the deletion's transaction. Every column the catalog marks
 * `scrub` is searched. A one-word name shorter than six letters is left alone: it would
 * rewrite other people's words ("Ada" in an essay about Lovelace).
 */
export async function scrubMentions(
  trx: Transaction<Database>,
  person: { id: string; email: string; name: string },
): Promise<void> {
  const pseudonym = pseudonymOf(person.id);
  const name = person.name.trim();
  const replacements: [string, string][] = [[literal(person.email), pseudonym.email]];
  if (name.split(/\s+/).length >= 2 || name.length >= 6) {
    replacements.push([`\\m(?:${spellings(name).map(literal).join("|")})\\M`, pseudonym.name]);
  }
  const types = await sql<{ tableName: string; columnName: string; dataType: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema()`.execute(trx);
  for (const [table, column] of scrubbedColumns()) {
    const type = types.rows.find((row) => row.tableName === table && row.columnName === column)?.dataType;
    if (!type) throw new Error(`The personal-data catalog names ${table}.${column}, which does not exist.`);
    const json = type === "json" || type === "jsonb";
    for (const [pattern, replacement] of replacements) {
      const value = sql`${sql.id(column)}::text`;
      const replaced = sql`regexp_replace(${value}, ${pattern}, ${replacement}, 'gi')`;
      await sql`update ${sql.id(table)} set ${sql.id(column)} = ${json ? sql`${replaced}::${sql.raw(type)}` : replaced}
        where ${value} ~* ${pattern}`.execute(trx);
    }
  }
}
