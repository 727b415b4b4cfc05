import { beforeAll, expect, it } from "vitest";
import { addNeed, createCampaign } from "~/campaigns/campaigns.server";
import { ALLY_CSV_COLUMNS } from "~/network/allies-csv";
import { createAlly, type TestAlly } from "../../support/network";
import { latestEmailTo } from "../../support/outbox";
import { createUser, describeServer, get, pageText, post, queryCount, type TestUser } from "../../support/server";

describeServer("the network over HTTP", (t) => {
  let staff: TestUser;
  let partner: TestUser;
  let visible: TestAlly;
  let networkOnly: TestAlly;
  let staffOnly: TestAlly;
  const word = `zebrafinch${Date.now().toString(36)}`;

  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    partner = await createUser(t.server, { name: "Paula Partner" });
    const org = await t.server.db
      .insertInto("organizations")
      .values({ slug: `org-${word}`, name: "Partner Org", focusAreas: "[]" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.server.db.insertInto("orgMembers").values({ organizationId: org.id, userId: partner.id }).execute();
    visible = await createAlly(t.server.db, {
      displayName: "Visible Vera",
      headline: `Public ${word}`,
      visibility: "public",
    });
    networkOnly = await createAlly(t.server.db, {
      displayName: "Network Nadia",
      headline: `Network ${word}`,
      visibility: "network",
    });
    staffOnly = await createAlly(t.server.db, {
      displayName: "Staffonly Sam",
      headline: `Hidden ${word}`,
      visibility: "staff",
    });
  });

  const asVisitor = {};
  const as = (user: TestUser) => ({ cookie: user.cookie });

  it("never sends a staff-only profile to a partner or a visitor, in pages or in loader data", async () => {
    for (const options of [asVisitor, as(partner)]) {
      for (const path of [`/directory?q=${word}`, `/directory.data?q=${word}`, `/directory?q=staffonly`]) {
        const response = await get(t.server, path, options);
        expect(response.status).toBe(200);
        const body = await pageText(response);
        expect(body).not.toContain("Staffonly Sam");
        expect(body).not.toContain(staffOnly.profileId);
        expect(body).not.toContain("@example.org");
      }
      expect((await get(t.server, `/directory/${staffOnly.profileId}`, options)).status).toBe(404);
      expect((await get(t.server, `/directory/${staffOnly.profileId}.data`, options)).status).toBe(404);
    }
    const forStaff = await pageText(await get(t.server, `/directory?q=${word}`, as(staff)));
    expect(forStaff).toContain("Staffonly Sam");
    expect(forStaff).not.toContain(staffOnly.email);
    expect((await get(t.server, `/directory/${staffOnly.profileId}`, as(staff))).status).toBe(200);
  });

  it("shows network profiles to people in the network only", async () => {
    const visitor = await pageText(await get(t.server, `/directory?q=${word}`));
    expect(visitor).toContain("Visible Vera");
    expect(visitor).not.toContain("Network Nadia");
    const forPartner = await pageText(await get(t.server, `/directory?q=${word}`, as(partner)));
    expect(forPartner).toContain("Network Nadia");
    const plainUser = await createUser(t.server);
    expect((await get(t.server, `/directory/${networkOnly.profileId}`, as(plainUser))).status).toBe(404);
    expect((await get(t.server, `/directory/${networkOnly.profileId}`, as(partner))).status).toBe(200);
  });

  it("runs the same number of queries for one result as for a full page", async () => {
    for (let i = 0; i < 25; i++) await createAlly(t.server.db, { displayName: `Many ${i}`, skills: [`many${word}`] });
    const one = await get(t.server, `/directory?q=${word}`);
    const many = await get(t.server, `/directory?q=many${word}`);
    expect(await pageText(many)).toContain("25 allies");
    expect(queryCount(one)).toBe(queryCount(many));
  });

  // Finding 9 of issue 11: an import made an existing account's profile public without asking.
  it("imports a profile for an existing account as staff-only, and its owner sees the request", async () => {
    const member = await createUser(t.server, { name: "Imported Ines" });
    const values: Record<string, string> = {
      email: member.email,
      name: "Imported Ines",
      display_name: "Imported Ines",
      headline: `Imported ${word}`,
      bio: "",
      disciplines: "organizer",
      skills: "",
      languages: "English",
      country: "",
      region: "",
      timezone: "UTC",
      hours_per_month: "4",
      available_from: "",
      available_until: "",
      visibility: "public",
      consented_at: "2026-05-01T10:00:00Z",
    };
    const form = new FormData();
    const csv = [ALLY_CSV_COLUMNS.join(","), ALLY_CSV_COLUMNS.map((column) => values[column]).join(",")].join("\n");
    form.append("file", new File([csv], "allies.csv", { type: "text/csv" }));
    const imported = await post(t.server, "/staff/allies", form, as(staff));
    expect(imported.status).toBe(302);
    expect(await pageText(await get(t.server, "/staff/allies", as(staff)))).toMatch(
      /\d+ imported profiles await their person(?:'|&#x27;)s consent/,
    );
    // A row with a bad email is refused with the message in words, not its catalog key.
    const bad = new FormData();
    const badRow = ALLY_CSV_COLUMNS.map((column) => (column === "email" ? "not-an-email" : values[column]));
    bad.append("file", new File([[ALLY_CSV_COLUMNS.join(","), badRow.join(",")].join("\n")], "allies.csv"));
    const refused = await pageText(await post(t.server, "/staff/allies", bad, as(staff)));
    expect(refused).toContain("Row 2: Enter a valid email address");
    expect(await pageText(await get(t.server, `/directory?q=${word}`))).not.toContain("Imported Ines");
    const own = await pageText(await get(t.server, "/me/profile", as(member)));
    expect(own).toContain(
      "Program staff imported your profile and asked to show it as “Anyone, also people who are not signed in”",
    );
  });

  it("answers every signed-in directory page within five queries, the same for a small and a larger directory", async () => {
    const pages = [
      "/directory",
      `/directory?q=${word}`,
      `/directory?q=${word}&sort=updated`,
      "/directory?discipline=technologist&language=English",
      `/directory?q=${word}&available=now&page=2`,
    ];
    const counts = async () => {
      const result: number[] = [];
      for (const viewer of [staff, partner])
        for (const page of pages) {
          const response = await get(t.server, page, as(viewer));
          expect(response.status).toBe(200);
          result.push(queryCount(response));
        }
      return result;
    };
    const small = await counts();
    for (let i = 0; i < 30; i++)
      await createAlly(t.server.db, { displayName: `Larger ${i}`, headline: `Grown ${word}`, visibility: "network" });
    const larger = await counts();
    expect(Math.max(...small)).toBeLessThanOrEqual(5);
    expect(larger).toEqual(small);
  });

  it("hides a profile the moment its owner withdraws consent", async () => {
    const ally = await createAlly(t.server.db, { displayName: "Withdrawing Wanda" });
    const user = await createUser(t.server);
    await t.server.db.updateTable("allyProfiles").set({ userId: user.id }).where("id", "=", ally.profileId).execute();
    expect((await get(t.server, `/directory/${ally.profileId}`)).status).toBe(200);
    const withdrawn = await post(t.server, "/me/profile", { intent: "withdraw", version: "1" }, as(user));
    expect(withdrawn.status).toBe(302);
    expect((await get(t.server, `/directory/${ally.profileId}`)).status).toBe(404);
    expect(await pageText(await get(t.server, "/directory?q=wanda", as(staff)))).not.toContain("Withdrawing Wanda");
  });

  it("lets a partner write to an ally without learning the address until the ally accepts", async () => {
    const allyUser = await createUser(t.server, { name: "Answering Ally" });
    await t.server.db
      .updateTable("allyProfiles")
      .set({ userId: allyUser.id })
      .where("id", "=", visible.profileId)
      .execute();
    const sent = await post(
      t.server,
      `/directory/${visible.profileId}`,
      { intent: "contact", message: "We would love your help with a workshop in May." },
      as(partner),
    );
    expect(sent.status).toBe(302);
    const before = await pageText(await get(t.server, "/me/contacts", as(partner)));
    expect(before).toContain("Waiting for an answer");
    expect(before).not.toContain(allyUser.email);
    const received = await pageText(await get(t.server, "/me/contacts", as(allyUser)));
    expect(received).toContain("We would love your help");
    expect(received).not.toContain(partner.email);
    const request = await t.server.db
      .selectFrom("contactRequests")
      .select("id")
      .where("profileId", "=", visible.profileId)
      .executeTakeFirstOrThrow();
    const stranger = await createUser(t.server);
    expect(
      (await post(t.server, "/me/contacts", { intent: "accept", requestId: request.id }, as(stranger))).status,
    ).toBe(404);
    expect(
      (await post(t.server, "/me/contacts", { intent: "accept", requestId: request.id }, as(allyUser))).status,
    ).toBe(302);
    expect(await pageText(await get(t.server, "/me/contacts", as(partner)))).toContain(allyUser.email);
    expect((await latestEmailTo(t.server.db, partner.email))?.text).toContain(allyUser.email);
  });

  it("takes an ally's answer through the emailed link once", async () => {
    const ally = await createAlly(t.server.db, { displayName: "Linked Lin", skills: ["localization"] });
    const slug = `camp-${word}`;
    await createCampaign(t.server.db, staff.id, {
      intent: "save-campaign",
      name: "Linked campaign",
      slug,
      summary: "",
      startsOn: "2030-01-01",
      endsOn: "2030-03-01",
      status: "active",
      languages: [],
      timezone: "UTC",
      version: undefined,
    });
    const campaign = await t.server.db
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    await addNeed(t.server.db, staff.id, campaign.id, { kind: "skill", value: "localization", quantity: 2 });
    const suggestions = await pageText(await get(t.server, `/staff/campaigns/${slug}/suggestions`, as(staff)));
    expect(suggestions).toContain("Linked Lin");
    const need = await t.server.db
      .selectFrom("campaignNeeds")
      .select("id")
      .where("campaignId", "=", campaign.id)
      .executeTakeFirstOrThrow();
    const proposed = await post(
      t.server,
      `/staff/campaigns/${slug}/suggestions`,
      { intent: "propose", profileId: ally.profileId, needId: need.id },
      as(staff),
    );
    expect(proposed.status).toBe(302);
    const link = /\/campaign-replies\/[A-Za-z0-9_-]+/.exec((await latestEmailTo(t.server.db, ally.email))!.text)![0];
    const page = await get(t.server, `${link}?answer=accept`);
    expect(await pageText(page)).toContain("Join “Linked campaign”?");
    expect((await post(t.server, link, { intent: "accept", showPublicly: "on" })).status).toBe(302);
    expect((await post(t.server, link, { intent: "decline" })).status).toBe(410);
    expect((await post(t.server, `${link}x`, { intent: "accept" })).status).toBe(404);
    const progress = await pageText(await get(t.server, `/staff/campaigns/${slug}`, as(staff)));
    expect(progress).toContain("1 of 2 accepted");
    expect(await pageText(await get(t.server, `/campaigns/${slug}`))).toContain("Linked Lin");
  });
});
