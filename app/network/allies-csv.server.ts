import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { z } from "zod";
import type { DB } from "#db/client";
import { audit } from "~/audit/audit.server";
import { EmailField, NameField } from "~/auth/auth.schema";
import { enqueueEmail } from "~/email/outbox.server";
import { csvStream } from "~/utils/csv.server";
import { exportRows, type KeysetQuery } from "~/utils/export-rows.server";
import { isValidTimeZone } from "~/utils/timezones";
import { ALLY_CSV_COLUMNS } from "./allies-csv";
import { DISCIPLINE_KEYS, LANGUAGES, normaliseSkill, REGIONS, VISIBILITY_KEYS } from "./taxonomy";

export const MAX_IMPORT_ROWS = 5000;
/** The terms version recorded for allies whose consent was collected outside the portal. */
export const IMPORT_TERMS_VERSION = "import";

const list = (separator = ";") =>
  z
    .string()
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? "")
          .split(separator)
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ]);
const optionalDate = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
      .optional(),
  );

const AllyRowSchema = z.object({
  email: EmailField,
  name: NameField,
  display_name: z
    .string()
    .trim()
    .min(2, "display_name: at least 2 characters")
    .max(80, "display_name: at most 80 characters"),
  headline: z.string().trim().max(140, "headline: at most 140 characters").optional().default(""),
  bio: z.string().trim().max(2000, "bio: at most 2000 characters").optional().default(""),
  disciplines: list().pipe(
    z
      .array(z.enum(DISCIPLINE_KEYS, { error: `disciplines: use ${DISCIPLINE_KEYS.join(", ")}` }))
      .min(1, "disciplines: at least one"),
  ),
  skills: list()
    .transform((skills) => skills.map(normaliseSkill))
    .pipe(z.array(z.string().max(40, "skills: each under 40 characters")).max(15, "skills: at most 15")),
  languages: list().pipe(z.array(z.enum(LANGUAGES, { error: "languages: a language from the portal's list" }))),
  country: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((value) => value || null),
  region: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.enum(REGIONS, { error: "region: a region from the portal's list" }).optional()),
  timezone: z.string().trim().refine(isValidTimeZone, "timezone: an IANA name such as Europe/Berlin"),
  hours_per_month: z.coerce
    .number({ error: "hours_per_month: a number" })
    .int("hours_per_month: whole hours")
    .min(0)
    .max(200, "hours_per_month: at most 200"),
  available_from: optionalDate,
  available_until: optionalDate,
  visibility: z.enum(VISIBILITY_KEYS, { error: "visibility: public, network or staff" }),
  consented_at: z.iso.datetime({ offset: true, error: "consented_at: when they agreed, e.g. 2026-05-01T10:00:00Z" }),
});

export { ALLY_CSV_COLUMNS };

export type ImportResult =
  | {
      ok: true;
      imported: number;
      /** Profiles the file asked to show beyond staff: shown to staff only until their person chooses. */
      awaitingConsent: number;
      /** Of those, the people who already had an account, emailed to choose. */
      consentRequested: number;
    }
  | { ok: false; errors: { row: number; messages: string[] }[] };

/**
 * Imports allies from CSV. Every row is checked first and every problem reported by row
 * number; then all rows go in one transaction, so a file is imported whole or not at all.
 *
 * Staff's records are not the person's consent to a directory listing (finding 9 of issue 11):
 * every imported profile starts visible to staff only, and the file's visibility is kept as a
 * request the person answers on their own profile page. Someone who already has an account
 * (matched by email) is emailed a link to that page; the others see the request when they sign in.
 */
export async function importAllies(db: DB, actorId: string, text: string, appUrl: URL | string): Promise<ImportResult> {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, errors: [{ row: 1, messages: [`The file is not valid CSV: ${(error as Error).message}`] }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ row: 1, messages: ["The file has no rows."] }] };
  if (records.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ row: 1, messages: [`At most ${MAX_IMPORT_ROWS} rows per file.`] }] };
  }
  const missing = ALLY_CSV_COLUMNS.filter((column) => !(column in records[0]!));
  if (missing.length) return { ok: false, errors: [{ row: 1, messages: [`Missing columns: ${missing.join(", ")}`] }] };

  const errors: { row: number; messages: string[] }[] = [];
  const rows: z.output<typeof AllyRowSchema>[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const parsed = AllyRowSchema.safeParse(record);
    if (!parsed.success) errors.push({ row, messages: parsed.error.issues.map((issue) => issue.message) });
    else if (seen.has(parsed.data.email.toLowerCase()))
      errors.push({ row, messages: ["email: listed twice in this file"] });
    else {
      seen.add(parsed.data.email.toLowerCase());
      rows.push(parsed.data);
    }
  });
  if (errors.length) return { ok: false, errors };

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select("users.email")
      .where(
        "users.email",
        "in",
        rows.map((row) => row.email),
      )
      .execute();
    if (existing.length) {
      const taken = new Set(existing.map((row) => row.email.toLowerCase()));
      return {
        ok: false as const,
        errors: rows
          .map((row, index) => ({ row: index + 2, email: row.email }))
          .filter((row) => taken.has(row.email.toLowerCase()))
          .map((row) => ({ row: row.row, messages: ["email: this person already has a directory profile"] })),
      };
    }
    const accounts = await trx
      .selectFrom("users")
      .select(["email", "name"])
      .where(
        "email",
        "in",
        rows.map((row) => row.email),
      )
      .where("deletedAt", "is", null)
      .execute();
    const accountNames = new Map(accounts.map((account) => [account.email.toLowerCase(), account.name]));
    await trx
      .insertInto("users")
      .values(rows.map((row) => ({ email: row.email, name: row.name })))
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
    const users = await trx
      .selectFrom("users")
      .select(["id", "email"])
      .where(
        "email",
        "in",
        rows.map((row) => row.email),
      )
      .execute();
    const ids = new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
    const profiles = await trx
      .insertInto("allyProfiles")
      .values(
        rows.map((row) => ({
          userId: ids.get(row.email.toLowerCase())!,
          displayName: row.display_name,
          headline: row.headline,
          bio: row.bio,
          disciplines: row.disciplines,
          skills: row.skills,
          languages: row.languages,
          country: row.country,
          region: row.region ?? null,
          timezone: row.timezone,
          hoursPerMonth: row.hours_per_month,
          availableFrom: row.available_from ?? null,
          availableUntil: row.available_until ?? null,
          visibility: "staff" as const,
          requestedVisibility: row.visibility === "staff" ? null : row.visibility,
          links: "[]",
          termsVersion: IMPORT_TERMS_VERSION,
          consentedAt: row.consented_at,
        })),
      )
      .returning(["id", "userId"])
      .execute();
    const profileOf = new Map(profiles.map((profile) => [profile.userId, profile.id]));
    const awaiting = rows.flatMap((row) =>
      row.visibility === "staff" ? [] : [{ ...row, visibility: row.visibility }],
    );
    let consentRequested = 0;
    for (const row of awaiting) {
      const name = accountNames.get(row.email.toLowerCase());
      if (name === undefined) continue;
      consentRequested++;
      await enqueueEmail(trx, {
        to: row.email,
        template: "profile-consent",
        props: {
          name,
          requestedVisibility: row.visibility,
          profileUrl: new URL("/me/profile", appUrl).toString(),
        },
        idempotencyKey: `profile-consent:${profileOf.get(ids.get(row.email.toLowerCase())!)}`,
      });
    }
    await audit(trx, {
      actorId,
      action: "allies.import",
      subjectType: "ally_profile",
      data: { rows: rows.length, awaitingConsent: awaiting.length, consentRequested },
    });
    return {
      ok: true as const,
      imported: rows.length,
      awaitingConsent: awaiting.length,
      consentRequested,
    };
  });
}

function listedAlliesQuery(db: DB) {
  return db
    .selectFrom("allyProfiles")
    .innerJoin("users", "users.id", "allyProfiles.userId")
    .select([
      "allyProfiles.id",
      "users.email",
      "users.name",
      "allyProfiles.displayName",
      "allyProfiles.headline",
      "allyProfiles.bio",
      sql<string>`array_to_string(ally_profiles.disciplines, ';')`.as("disciplines"),
      sql<string>`array_to_string(ally_profiles.skills, ';')`.as("skills"),
      sql<string>`array_to_string(ally_profiles.languages, ';')`.as("languages"),
      "allyProfiles.country",
      "allyProfiles.region",
      "allyProfiles.timezone",
      "allyProfiles.hoursPerMonth",
      "allyProfiles.availableFrom",
      "allyProfiles.availableUntil",
      "allyProfiles.visibility",
      "allyProfiles.consentedAt",
    ])
    .where("allyProfiles.withdrawnAt", "is", null)
    .where("users.deletedAt", "is", null)
    .orderBy("allyProfiles.displayName")
    .orderBy("allyProfiles.id");
}

type ListedAlly = Awaited<ReturnType<ReturnType<typeof listedAlliesQuery>["executeTakeFirstOrThrow"]>>;

/** Listed allies by name, resumable after a (name, id) key: ally_profiles_export_idx serves both. */
function listedAllies(db: DB): KeysetQuery<ListedAlly, [string, string]> {
  return {
    after: (key) =>
      key
        ? listedAlliesQuery(db).where(
            sql<boolean>`(${sql.ref("allyProfiles.displayName")}, ${sql.ref("allyProfiles.id")}) > (${key[0]}, ${key[1]}::uuid)`,
          )
        : listedAlliesQuery(db),
    keyOf: (row) => [row.displayName, row.id],
  };
}

/**
 * Every ally who consents now (withdrawn profiles are never exported), in the import's format,
 * streamed as the reader takes it (a million allies are ~40 MB). The export is audited first.
 */
export async function exportAlliesCsv(db: DB, actorId: string): Promise<ReadableStream<Uint8Array>> {
  await audit(db, { actorId, action: "export.allies", subjectType: "ally_profile", data: { format: "csv" } });
  async function* cells() {
    for await (const row of exportRows(db, listedAllies(db))) {
      yield [
        row.email,
        row.name,
        row.displayName,
        row.headline,
        row.bio,
        row.disciplines,
        row.skills,
        row.languages,
        row.country,
        row.region,
        row.timezone,
        row.hoursPerMonth,
        row.availableFrom,
        row.availableUntil,
        row.visibility,
        row.consentedAt.toISOString(),
      ];
    }
  }
  return csvStream([...ALLY_CSV_COLUMNS], cells());
}
