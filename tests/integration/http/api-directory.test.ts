import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { API_ROUTES } from "~/api/api-routes";
import { withdrawProfile } from "~/network/profiles.server";
import { apiRequest, createTestToken } from "../../support/api";
import { createAlly } from "../../support/network";
import { createUser, describeServer, get, pageText, type TestUser } from "../../support/server";

/**
 * The directory API must show each caller exactly what the /directory page shows them: for
 * random profiles (visibility, withdrawn or not, disciplines) and random searches, the ids the
 * page links to, in order, equal the ids the API answers, for staff and for a partner (the
 * network audience); and both equal what the visibility rules say.
 */
describeServer("the directory API against the directory page", (t) => {
  let staff: TestUser;
  let partner: TestUser;
  const tokens = { staff: "", partner: "" };

  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    partner = await createUser(t.server);
    const org = await t.server.db
      .insertInto("organizations")
      .values({ slug: `dir-${partner.id.slice(0, 8)}`, name: "Directory Org", focusAreas: "[]" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.server.db.insertInto("orgMembers").values({ organizationId: org.id, userId: partner.id }).execute();
    tokens.staff = await createTestToken(t.server, staff.id, "read");
    tokens.partner = await createTestToken(t.server, partner.id, "read");
  });

  const pageIds = async (search: string, cookie: string) => {
    const html = await pageText(await get(t.server, `/directory?${search}`, { cookie }));
    return [...html.matchAll(/href="\/directory\/([0-9a-f-]{36})"/g)].map((match) => match[1]!);
  };
  const apiIds = async (search: string, token: string) => {
    const response = await apiRequest(t.server, `/api/v1/directory?${search}`, token);
    expect(response.status).toBe(200);
    return API_ROUTES.searchDirectory.response.parse(await response.json()).data.map((profile) => profile.id);
  };

  const profileArbitrary = fc.record({
    visibility: fc.constantFrom("public", "network", "staff"),
    withdrawn: fc.boolean(),
    disciplines: fc.subarray(["organizer", "technologist", "policy"] as const, { minLength: 1 }),
  });

  it("equals the page's results for each audience, for random profiles and searches", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(profileArbitrary, { maxLength: 6 }),
        fc.option(fc.constantFrom("organizer", "technologist", "policy"), { nil: undefined }),
        fc.constantFrom("relevance", "updated"),
        async (profiles, discipline, sort) => {
          const word = `quokka${Date.now().toString(36)}r${run++}`;
          const made: { id: string; visibility: string; withdrawn: boolean; disciplines: readonly string[] }[] = [];
          for (const [index, profile] of profiles.entries()) {
            const ally = await createAlly(t.server.db, {
              displayName: `Ally ${index}`,
              headline: `${word} helper`,
              visibility: profile.visibility,
              disciplines: [...profile.disciplines],
            });
            if (profile.withdrawn) {
              const { version } = await t.server.db
                .selectFrom("allyProfiles")
                .select("version")
                .where("id", "=", ally.profileId)
                .executeTakeFirstOrThrow();
              expect((await withdrawProfile(t.server.db, ally.userId, version)).ok).toBe(true);
            }
            made.push({ id: ally.profileId, ...profile });
          }
          const search = new URLSearchParams({ q: word, sort });
          if (discipline) search.append("discipline", discipline);
          for (const [audience, levels] of [
            ["staff", ["public", "network", "staff"]],
            ["partner", ["public", "network"]],
          ] as const) {
            const cookie = audience === "staff" ? staff.cookie : partner.cookie;
            const fromPage = await pageIds(search.toString(), cookie);
            const fromApi = await apiIds(search.toString(), tokens[audience]);
            expect(fromApi).toEqual(fromPage);
            const expected = made.filter(
              (profile) =>
                !profile.withdrawn &&
                (levels as readonly string[]).includes(profile.visibility) &&
                (!discipline || profile.disciplines.includes(discipline)),
            );
            expect([...fromApi].sort()).toEqual(expected.map((profile) => profile.id).sort());
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("pages through the same results as the page's numbered pages", async () => {
    const word = `wombat${Date.now().toString(36)}`;
    for (let i = 0; i < 23; i++) await createAlly(t.server.db, { displayName: `Paged ${i}`, headline: `${word}` });
    const first = API_ROUTES.searchDirectory.response.parse(
      await (await apiRequest(t.server, `/api/v1/directory?q=${word}&sort=updated`, tokens.partner)).json(),
    );
    expect(first.nextCursor).toBeTruthy();
    const second = API_ROUTES.searchDirectory.response.parse(
      await (
        await apiRequest(
          t.server,
          `/api/v1/directory?q=${word}&sort=updated&cursor=${first.nextCursor}`,
          tokens.partner,
        )
      ).json(),
    );
    expect(second.nextCursor).toBeNull();
    expect(first.data.map((p) => p.id)).toEqual(await pageIds(`q=${word}&sort=updated`, partner.cookie));
    expect(second.data.map((p) => p.id)).toEqual(await pageIds(`q=${word}&sort=updated&page=2`, partner.cookie));
    expect(first.data.length + second.data.length).toBe(23);
  });
});
