import { beforeAll, expect, it } from "vitest";
import { parseDirectoryQuery } from "~/network/directory-query";
import { getDirectoryProfile, searchDirectory } from "~/network/directory.server";
import { withdrawProfile } from "~/network/profiles.server";
import { describeDb } from "../../support/db";
import { clearProfiles, createAlly, type TestAlly } from "../../support/network";

const query = (search: string) => parseDirectoryQuery(new URLSearchParams(search));

describeDb("directory search, facets and visibility", (t) => {
  let trainer: TestAlly;
  let hidden: TestAlly;
  beforeAll(async () => {
    await clearProfiles(t.db);
    trainer = await createAlly(t.db, {
      displayName: "Ngozi Adeyemi",
      headline: "Digital security trainer for newsrooms",
      bio: "I teach encryption and threat modelling to journalists.",
      disciplines: ["educator", "technologist"],
      skills: ["security training", "localization"],
      languages: ["English", "Yoruba"],
      region: "Sub-Saharan Africa",
    });
    await createAlly(t.db, {
      displayName: "Jonas Weber",
      headline: "Copyright policy analyst",
      bio: "Policies on platform liability and copyright in the EU.",
      disciplines: ["policy"],
      skills: ["policy analysis"],
      languages: ["German", "English"],
      region: "Europe",
      visibility: "network",
      hoursPerMonth: 0,
    });
    hidden = await createAlly(t.db, {
      displayName: "Secret Staffonly",
      headline: "Security researcher",
      disciplines: ["researcher"],
      skills: ["security training"],
      region: "Europe",
      visibility: "staff",
    });
  });

  it("finds by words, English stems and prefixes, and ranks the best match first", async () => {
    const stems = await searchDirectory(t.db, query("q=policies"), "staff");
    expect(stems.profiles.map((p) => p.displayName)).toEqual(["Jonas Weber"]);
    const prefix = await searchDirectory(t.db, query("q=encrypt"), "staff");
    expect(prefix.profiles.map((p) => p.displayName)).toEqual(["Ngozi Adeyemi"]);
    const byName = await searchDirectory(t.db, query("q=ngoz"), "public");
    expect(byName.profiles.map((p) => p.displayName)).toEqual(["Ngozi Adeyemi"]);
    const ranked = await searchDirectory(t.db, query("q=security"), "staff");
    expect(ranked.profiles.map((p) => p.displayName)).toEqual(["Secret Staffonly", "Ngozi Adeyemi"]);
  });

  it("understands web-search syntax: phrases, exclusions and or", async () => {
    const phrase = await searchDirectory(t.db, query(`q="security trainer"`), "staff");
    expect(phrase.profiles.map((p) => p.displayName)).toEqual(["Ngozi Adeyemi"]);
    const excluded = await searchDirectory(t.db, query("q=security -newsrooms"), "staff");
    expect(excluded.profiles.map((p) => p.displayName)).toEqual(["Secret Staffonly"]);
    const either = await searchDirectory(t.db, query("q=copyright or encryption&sort=updated"), "staff");
    expect(either.profiles.map((p) => p.displayName).sort()).toEqual(["Jonas Weber", "Ngozi Adeyemi"]);
    const nonsense = await searchDirectory(t.db, query("q=%27%22%3A%2A%21%26"), "public");
    expect(nonsense.facets.total).toBe(1);
  });

  it("counts facets over the result and narrows by every facet", async () => {
    const all = await searchDirectory(t.db, query(""), "network");
    expect(all.facets.total).toBe(2);
    expect(all.facets.languages).toEqual([
      { value: "English", count: 2 },
      { value: "German", count: 1 },
      { value: "Yoruba", count: 1 },
    ]);
    expect(all.facets.regions).toEqual([
      { value: "Europe", count: 1 },
      { value: "Sub-Saharan Africa", count: 1 },
    ]);
    expect(all.facets.availableNow).toBe(1);
    expect(all.facets.skills.map((s) => s.value)).toEqual(["localization", "policy analysis", "security training"]);
    const narrowed = await searchDirectory(t.db, query("skill=security+training&language=Yoruba"), "network");
    expect(narrowed.profiles.map((p) => p.displayName)).toEqual(["Ngozi Adeyemi"]);
    const available = await searchDirectory(t.db, query("available=now&region=Europe"), "staff");
    expect(available.profiles.map((p) => p.displayName)).toEqual(["Secret Staffonly"]);
    const discipline = await searchDirectory(t.db, query("discipline=policy"), "network");
    expect(discipline.facets.disciplines).toEqual([{ value: "policy", count: 1 }]);
  });

  it("never shows a staff-only profile, or its counts, to the network or the public", async () => {
    for (const audience of ["public", "network"] as const) {
      const result = await searchDirectory(t.db, query("q=security"), audience);
      expect(result.profiles.map((p) => p.id)).not.toContain(hidden.profileId);
      expect(result.facets.disciplines.map((d) => d.value)).not.toContain("researcher");
    }
    const visitor = await searchDirectory(t.db, query(""), "public");
    expect(visitor.profiles.map((p) => p.displayName)).toEqual(["Ngozi Adeyemi"]);
    expect(visitor.profiles[0]).not.toHaveProperty("email");
    expect(visitor.profiles[0]).not.toHaveProperty("userId");
  });

  it("shows a staff-only profile to its owner, and to nobody else outside staff", async () => {
    expect(await getDirectoryProfile(t.db, hidden.profileId, "network")).toBeUndefined();
    expect(await getDirectoryProfile(t.db, hidden.profileId, "network", trainer.userId)).toBeUndefined();
    expect(await getDirectoryProfile(t.db, hidden.profileId, "public", hidden.userId)).toMatchObject({
      id: hidden.profileId,
    });
    expect(await getDirectoryProfile(t.db, hidden.profileId, "staff")).toMatchObject({ id: hidden.profileId });
  });

  it("hides a profile the moment consent is withdrawn", async () => {
    const leaving = await createAlly(t.db, { displayName: "Leaving Soon", skills: ["storytelling"] });
    expect((await searchDirectory(t.db, query("q=leaving"), "public")).facets.total).toBe(1);
    const withdrawn = await withdrawProfile(t.db, leaving.userId, 1);
    expect(withdrawn.ok).toBe(true);
    const after = await searchDirectory(t.db, query("q=leaving"), "staff");
    expect(after.facets.total).toBe(0);
    expect(trainer.profileId).toBeTruthy();
  });

  it("pages through results", async () => {
    for (let i = 0; i < 22; i++) await createAlly(t.db, { displayName: `Paged Person ${i}`, skills: ["paging"] });
    const first = await searchDirectory(t.db, query("skill=paging"), "public");
    expect(first.profiles).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await searchDirectory(t.db, query("skill=paging&page=2"), "public");
    expect(second.profiles).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.profiles, ...second.profiles].map((p) => p.id)).size).toBe(22);
  });
});
