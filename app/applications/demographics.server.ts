import { msg } from "~/i18n/message";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { nowExpression, type Clock } from "~/utils/clock.server";
import { DEMOGRAPHIC_FIELDS, DEMOGRAPHIC_QUESTIONS, MIN_GROUP_SIZE, type DemographicField } from "./demographics";
import { EDITABLE_STATUSES } from "./lifecycle";

export type DemographicValues = Partial<Record<DemographicField, string | undefined>>;

export async function getOwnDemographics(db: DB, applicationId: string): Promise<DemographicValues> {
  const row = await db
    .selectFrom("applicationDemographics")
    .select(DEMOGRAPHIC_FIELDS)
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
  if (!row) return {};
  return Object.fromEntries(DEMOGRAPHIC_FIELDS.map((field) => [field, row[field] ?? undefined]));
}

export type DemographicsSave = { ok: true } | { ok: false; status: 404 | 409; message: string };

/** Saves the applicant's optional answers while the cycle is open (database clock). */
export async function saveDemographics(
  db: DB,
  input: { cycleId: string; applicantId: string; values: DemographicValues },
  clock: Clock = {},
): Promise<DemographicsSave> {
  const now = nowExpression(clock);
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .innerJoin("cycles", "cycles.id", "applications.cycleId")
      .select([
        "applications.id",
        "applications.status",
        // A letter of intent is open until its own deadline, the full application until the cycle's.
        sql<boolean>`cycles.status = 'open' and cycles.opens_at <= ${now} and ${now} < case
          when applications.status in ('loi_draft', 'loi_submitted') then coalesce(cycles.loi_closes_at, cycles.closes_at)
          else cycles.closes_at end`.as("accepting"),
      ])
      .where("applications.cycleId", "=", input.cycleId)
      .where("applications.applicantId", "=", input.applicantId)
      .forUpdate("applications")
      .executeTakeFirst();
    if (!application) return { ok: false, status: 404, message: msg("aboutYou.notStarted") };
    if (!application.accepting || !EDITABLE_STATUSES.includes(application.status)) {
      return { ok: false, status: 409, message: msg("apply.noLongerChanged") };
    }
    const values = Object.fromEntries(DEMOGRAPHIC_FIELDS.map((field) => [field, input.values[field] ?? null]));
    await trx
      .insertInto("applicationDemographics")
      .values({ applicationId: application.id, cycleId: input.cycleId, ...values })
      .onConflict((oc) => oc.column("applicationId").doUpdateSet({ ...values, updatedAt: sql`now()` }))
      .execute();
    return { ok: true };
  });
}

export interface DemographicSummary {
  field: DemographicField;
  label: string;
  groups: { value: string; count: number | null }[];
}

/**
 * Counts per answer over the cycle's applications (drafts, letters of intent's included, excluded). A group of fewer than five
 * people is shown as hidden, and so is the next smallest when only one group is hidden (otherwise
 * it could be worked out from the total). Nothing per person ever leaves this function.
 */
export async function summariseDemographics(
  db: DB,
  cycleId: string,
): Promise<{ respondents: number | null; fields: DemographicSummary[] }> {
  const rows = await db
    .selectFrom("applicationDemographics")
    .innerJoin("applications", "applications.id", "applicationDemographics.applicationId")
    .select(DEMOGRAPHIC_FIELDS.map((field) => `applicationDemographics.${field}` as const))
    .where("applicationDemographics.cycleId", "=", cycleId)
    .where("applications.status", "not in", ["draft", "loi_draft"])
    .execute();
  const respondents = rows.length >= MIN_GROUP_SIZE ? rows.length : null;
  const fields = DEMOGRAPHIC_FIELDS.map((field) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row[field] ?? "No answer";
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const order = [...DEMOGRAPHIC_QUESTIONS[field].options, "No answer"];
    const groups = order
      .filter((value) => counts.has(value))
      .map((value) => ({ value, count: counts.get(value)! as number | null }));
    const small = groups.filter((group) => (group.count ?? 0) < MIN_GROUP_SIZE);
    for (const group of small) group.count = null;
    if (small.length === 1) {
      const nextSmallest = groups.filter((group) => group.count !== null).sort((a, b) => a.count! - b.count!)[0];
      if (nextSmallest) nextSmallest.count = null;
    }
    return { field, label: DEMOGRAPHIC_QUESTIONS[field].label, groups };
  });
  return { respondents, fields: respondents === null ? [] : fields };
}
