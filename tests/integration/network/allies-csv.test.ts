import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { ALLY_CSV_COLUMNS, exportAlliesCsv, importAllies } from "~/network/allies-csv.server";
import { withdrawProfile } from "~/network/profiles.server";
import { describeDb, uniqueEmail } from "../../support/db";
import { createAlly } from "../../support/network";

const header = ALLY_CSV_COLUMNS.join(",");
const row = (email: string, overrides: Partial<Record<(typeof ALLY_CSV_COLUMNS)[number], string>> = {}) => {
  const values: Record<string, string> = {
    email,
    name: "Imported Person",
    display_name: "Imported Person",
    headline: "Organizer",
    bio: "",
    disciplines: "organizer;policy",
    skills: "Organizing; campaign design",
    languages: "English;Spanish",
    country: "Peru",
    region: "Latin America & Caribbean",
    timezone: "America/Lima",
    hours_per_month: "8",
    available_from: "",
    available_until: "",
    visibility: "network",
    consented_at: "2026-05-01T10:00:00Z",
    ...overrides,
  };
  return ALLY_CSV_COLUMNS.map((column) => `"${values[column]!.replaceAll('"', '""')}"`).join(",");
};

describeDb("ally CSV import and export", (t) => {
  const staffId = async () =>
    (
      await t.db
        .insertInto("users")
        .values({ email: uniqueEmail("staff"), name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  it("rejects a file with one bad row, reports it by row, and imports nothing", async () => {
    const good = [uniqueEmail("good"), uniqueEmail("good")];
    const file = [
      header,
      row(good[0]!),
      row(uniqueEmail("bad"), { disciplines: "wizard", timezone: "Mars/Olympus" }),
      row(good[1]!),
    ].join("\n");
    const result = await importAllies(t.db, await staffId(), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.row)).toEqual([3]);
    expect(result.errors[0]!.messages.join(" ")).toContain("disciplines");
    expect(result.errors[0]!.messages.join(" ")).toContain("timezone");
    const users = await t.db.selectFrom("users").select("id").where("email", "in", good).execute();
    expect(users).toEqual([]);
  });

  it("rejects an ally who already has a profile without importing the others", async () => {
    const existing = await createAlly(t.db);
    const fresh = uniqueEmail("fresh");
    const result = await importAllies(t.db, await staffId(), [header, row(fresh), row(existing.email)].join("\n"));
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 3, messages: ["email: this person already has a directory profile"] }],
    });
    expect(await t.db.selectFrom("users").select("id").where("email", "=", fresh).execute()).toEqual([]);
  });

  it("imports a valid file whole, and exports only allies who still consent", async () => {
    const emails = [uniqueEmail("one"), uniqueEmail("two")];
    const result = await importAllies(
      t.db,
      await staffId(),
      [header, row(emails[0]!), row(emails[1]!, { display_name: "Second One" })].join("\n"),
    );
    expect(result).toEqual({ ok: true, imported: 2 });
    const profile = await t.db
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select(["allyProfiles.skills", "allyProfiles.termsVersion", "allyProfiles.consentedAt"])
      .where("users.email", "=", emails[0]!)
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ skills: ["organizing", "campaign design"], termsVersion: "import" });
    expect(profile.consentedAt.toISOString()).toBe("2026-05-01T10:00:00.000Z");

    const leaving = await createAlly(t.db, { displayName: "Withdrawn Person" });
    await withdrawProfile(t.db, leaving.userId, 1);
    const csv = await new Response(await exportAlliesCsv(t.db, await staffId())).text();
    const records = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...ALLY_CSV_COLUMNS]);
    expect(records.map((r) => r.email)).toEqual(expect.arrayContaining(emails));
    expect(records.map((r) => r.email)).not.toContain(leaving.email);
    const audit = await t.db.selectFrom("auditLog").select("action").where("action", "=", "export.allies").execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
