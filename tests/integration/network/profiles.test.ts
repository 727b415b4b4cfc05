import { expect, it } from "vitest";
import { saveProfile } from "~/network/profiles.server";
import type { ProfileInput } from "~/network/profile.schema";
import { describeDb, uniqueEmail } from "../../support/db";

const FIRST_SAVE: ProfileInput = {
  intent: "save",
  displayName: "Twice Clicked",
  headline: "",
  bio: "",
  disciplines: ["artist"],
  skills: [],
  languages: ["English"],
  country: undefined,
  region: undefined,
  timezone: "UTC",
  links: [],
  hoursPerMonth: 4,
  availableFrom: undefined,
  availableUntil: undefined,
  visibility: "public",
  consent: "on",
  version: 0,
};

describeDb("ally profiles", (t) => {
  it("keeps one profile when the first save arrives twice at once, and says so to the second", async () => {
    const user = await t.db
      .insertInto("users")
      .values({ email: uniqueEmail("double"), name: "Twice Clicked" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const results = await Promise.all([saveProfile(t.db, user.id, FIRST_SAVE), saveProfile(t.db, user.id, FIRST_SAVE)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, status: 409 })]);
    const rows = await t.db.selectFrom("allyProfiles").select("id").where("userId", "=", user.id).execute();
    expect(rows).toHaveLength(1);
  });
});
