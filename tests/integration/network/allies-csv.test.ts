import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { ALLY_CSV_COLUMNS, exportAlliesCsv, importAllies } from "~/network/allies-csv.server";
import { getOwnProfile, saveProfile, withdrawProfile } from "~/network/profiles.server";
import { describeDb, uniqueEmail } from "../../support/db";
import { createAlly } from "../../support/network";
import { emailsTo } from "../../support/outbox";

const APP_URL = "https://fellows.example.org";

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
    const result = await importAllies(t.db, await staffId(), file, APP_URL);
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
    const result = await importAllies(
      t.db,
      await staffId(),
      [header, row(fresh), row(existing.email)].join("\n"),
      APP_URL,
    );
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
      APP_URL,
    );
    expect(result).toEqual({ ok: true, imported: 2, awaitingConsent: 2, consentRequested: 0 });
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

  // Finding 9 of the penetration test (issue 11): an import attached a public profile to an
  // existing account that never consented.
  it("shows imported profiles to staff only, and asks a person who has an account to choose", async () => {
    const account = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("member"), name: "Amara Member", emailVerifiedAt: new Date() })
      .returning(["id", "email"])
      .executeTakeFirstOrThrow();
    const newcomer = uniqueEmail("newcomer");
    const quiet = uniqueEmail("quiet");
    const result = await importAllies(
      t.db,
      await staffId(),
      [
        header,
        row(account.email, { visibility: "public" }),
        row(newcomer, { visibility: "network" }),
        row(quiet, { visibility: "staff" }),
      ].join("\n"),
      APP_URL,
    );
    expect(result).toEqual({ ok: true, imported: 3, awaitingConsent: 2, consentRequested: 1 });

    const profiles = await t.db
      .selectFrom("allyProfiles")
      .innerJoin("users", "users.id", "allyProfiles.userId")
      .select(["users.email", "allyProfiles.visibility", "allyProfiles.requestedVisibility"])
      .where("users.email", "in", [account.email, newcomer, quiet])
      .execute();
    expect(Object.fromEntries(profiles.map((p) => [p.email, [p.visibility, p.requestedVisibility]]))).toEqual({
      [account.email]: ["staff", "public"],
      [newcomer]: ["staff", "network"],
      [quiet]: ["staff", null],
    });

    // The account holder is asked, through the outbox, with a link to the page where they choose.
    const [request, ...more] = await emailsTo(t.db, account.email);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ template: "profile-consent" });
    expect(request!.text).toContain("asked to show it to anyone, also people who are not signed in");
    expect(request!.text).toContain(`${APP_URL}/me/profile`);
    // Someone without an account gets nothing: the import creates no invitation.
    expect(await emailsTo(t.db, newcomer)).toEqual([]);

    // Choosing on the profile page (here: the network, not everyone) answers the request.
    const own = await getOwnProfile(t.db, account.id);
    expect(own).toMatchObject({ visibility: "staff", requestedVisibility: "public" });
    const saved = await saveProfile(t.db, account.id, {
      intent: "save",
      displayName: own!.displayName,
      headline: own!.headline,
      bio: own!.bio,
      disciplines: own!.disciplines as never,
      skills: own!.skills,
      languages: own!.languages as never,
      country: own!.country ?? undefined,
      region: undefined,
      timezone: own!.timezone,
      links: [],
      hoursPerMonth: own!.hoursPerMonth,
      availableFrom: undefined,
      availableUntil: undefined,
      visibility: "network",
      consent: "on",
      version: own!.version,
    });
    expect(saved).toEqual({ ok: true, joined: false });
    expect(await getOwnProfile(t.db, account.id)).toMatchObject({ visibility: "network", requestedVisibility: null });
  });
});
