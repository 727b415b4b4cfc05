import { beforeAll, expect, it } from "vitest";
import { rankingOf, savePositionRanking } from "~/matching/rankings.server";
import { createMatchingFixture, type MatchingFixture } from "../../support/matching";
import {
  cookieHeader,
  createUser,
  describeServer,
  get,
  pageText,
  post,
  queryCount,
  type TestUser,
} from "../../support/server";
import { startSession } from "~/auth/session.server";

describeServer("hosts and finalists over HTTP", (t) => {
  let fixture: MatchingFixture;
  let partnerA: TestUser;
  let partnerB: TestUser;
  let staff: TestUser;
  const cookieOf = async (userId: string) =>
    cookieHeader(await startSession(t.server.db, t.server.config, userId, { userAgent: "hosts", clientAddress: null }));

  beforeAll(async () => {
    partnerA = await createUser(t.server, { name: "Host A Person" });
    partnerB = await createUser(t.server, { name: "Host B Person" });
    staff = await createUser(t.server, { staff: true });
    fixture = await createMatchingFixture(t.server.db, t.server.config, {
      finalists: 3,
      seats: [1, 1],
      partnerIds: [partnerA.id, partnerB.id],
    });
  });

  it("shows a partner their position's finalists and keeps another host's notes and list away", async () => {
    const [positionA, positionB] = fixture.positions;
    const [f0, f1] = fixture.finalists;
    const notesB = await post(
      t.server,
      `/partner/positions/${positionB!.id}`,
      { intent: "save-notes", applicationId: f0!.applicationId, version: "0", notes: "SECRET-NOTE-FROM-HOST-B" },
      { cookie: partnerB.cookie },
    );
    expect(notesB.status).toBe(302);
    await savePositionRanking(t.server.db, {
      positionId: positionB!.id,
      actorId: partnerB.id,
      order: [f1!.applicationId, f0!.applicationId],
    });

    const page = await get(t.server, `/partner/positions/${positionA!.id}`, { cookie: partnerA.cookie });
    expect(page.status).toBe(200);
    const html = await pageText(page);
    for (const finalist of fixture.finalists) expect(html).toContain(finalist.name);
    const data = await (
      await get(t.server, `/partner/positions/${positionA!.id}.data`, { cookie: partnerA.cookie })
    ).text();
    for (const body of [html, data]) expect(body).not.toContain("SECRET-NOTE-FROM-HOST-B");
    expect((await get(t.server, `/partner/positions/${positionB!.id}`, { cookie: partnerA.cookie })).status).toBe(404);
    const foreignPost = await post(
      t.server,
      `/partner/positions/${positionB!.id}`,
      { intent: "save-notes", applicationId: f0!.applicationId, version: "1", notes: "x" },
      { cookie: partnerA.cookie },
    );
    expect(foreignPost.status).toBe(404);
  });

  it("saves a host's ranking from numbers, and a move without JavaScript", async () => {
    const position = fixture.positions[0]!;
    const [f0, f1, f2] = fixture.finalists;
    const form = {
      intent: "save-ranking",
      [`rank.${f0!.applicationId}`]: "2",
      [`rank.${f1!.applicationId}`]: "1",
      [`rank.${f2!.applicationId}`]: "",
    };
    // Nobody booked an interview: ranking them needs the host to confirm it for each.
    const unconfirmed = await post(t.server, `/partner/positions/${position.id}`, form, { cookie: partnerA.cookie });
    expect(unconfirmed.status).toBe(400);
    const warning = await pageText(unconfirmed);
    expect(warning).toContain(`You have no interview booked with ${f1!.name}, ${f0!.name}`);
    expect(warning).toContain(`Rank ${f0!.name} without an interview`);
    expect(await rankingOf(t.server.db, "position", position.id)).toEqual([]);
    const partly = await post(
      t.server,
      `/partner/positions/${position.id}`,
      { ...form, withoutInterview: [f1!.applicationId] },
      { cookie: partnerA.cookie },
    );
    expect(partly.status).toBe(400);
    expect(await pageText(partly)).toContain(`You have no interview booked with ${f0!.name}.`);
    const numbers = await post(
      t.server,
      `/partner/positions/${position.id}`,
      { ...form, withoutInterview: [f0!.applicationId, f1!.applicationId] },
      { cookie: partnerA.cookie },
    );
    expect(numbers.status).toBe(302);
    expect(await rankingOf(t.server.db, "position", position.id)).toEqual([f1!.applicationId, f0!.applicationId]);
    const move = await post(
      t.server,
      `/partner/positions/${position.id}`,
      {
        move: `${f0!.applicationId}:up`,
        [`rank.${f0!.applicationId}`]: "2",
        [`rank.${f1!.applicationId}`]: "1",
        withoutInterview: [f0!.applicationId, f1!.applicationId],
      },
      { cookie: partnerA.cookie },
    );
    expect(move.status).toBe(302);
    expect(await rankingOf(t.server.db, "position", position.id)).toEqual([f0!.applicationId, f1!.applicationId]);
    // A tab built from an older list cannot overwrite the newer one.
    const stale = await post(
      t.server,
      `/partner/positions/${position.id}`,
      {
        intent: "save-ranking",
        previous: `${f1!.applicationId},${f0!.applicationId}`,
        [`rank.${f2!.applicationId}`]: "1",
        withoutInterview: f2!.applicationId,
      },
      { cookie: partnerA.cookie },
    );
    expect(stale.status).toBe(409);
    expect(await rankingOf(t.server.db, "position", position.id)).toEqual([f0!.applicationId, f1!.applicationId]);
    const foreign = await post(
      t.server,
      `/partner/positions/${position.id}`,
      { intent: "save-ranking", "rank.00000000-0000-4000-8000-000000000000": "1" },
      { cookie: partnerA.cookie },
    );
    expect(foreign.status).toBe(400);
  });

  it("lets a finalist rank the positions, never showing a host's list or notes, then answer the placement", async () => {
    const [f0] = fixture.finalists;
    const cookie = await cookieOf(f0!.id);
    const ranking = await post(
      t.server,
      "/me/applications",
      {
        intent: "save-ranking",
        applicationId: f0!.applicationId,
        [`rank.${fixture.positions[0]!.id}`]: "1",
        [`rank.${fixture.positions[1]!.id}`]: "2",
      },
      { cookie },
    );
    expect(ranking.status).toBe(302);
    expect(await rankingOf(t.server.db, "applicant", f0!.applicationId)).toEqual(fixture.positions.map((p) => p.id));
    const page = await pageText(await get(t.server, "/me/applications", { cookie }));
    const data = await (await get(t.server, "/me/applications.data", { cookie })).text();
    for (const body of [page, data]) {
      expect(body).toContain("Position 1");
      expect(body).not.toContain("SECRET-NOTE-FROM-HOST-B");
      // A host's rank list would name the other finalists.
      for (const other of fixture.finalists.slice(1)) expect(body).not.toContain(other.name);
    }
    const otherFinalist = await cookieOf(fixture.finalists[1]!.id);
    const foreign = await post(
      t.server,
      "/me/applications",
      { intent: "save-ranking", applicationId: f0!.applicationId, [`rank.${fixture.positions[0]!.id}`]: "1" },
      { cookie: otherFinalist },
    );
    expect(foreign.status).toBe(404);
  });

  it("runs and publishes the match from the staff page, and the finalist accepts", async () => {
    const [f0, f1, f2] = fixture.finalists;
    for (const finalist of [f1!, f2!]) {
      await post(
        t.server,
        "/me/applications",
        { intent: "save-ranking", applicationId: finalist.applicationId, [`rank.${fixture.positions[1]!.id}`]: "1" },
        { cookie: await cookieOf(finalist.id) },
      );
    }
    await post(
      t.server,
      `/partner/positions/${fixture.positions[1]!.id}`,
      {
        intent: "save-ranking",
        [`rank.${f2!.applicationId}`]: "1",
        [`rank.${f1!.applicationId}`]: "2",
        withoutInterview: [f2!.applicationId, f1!.applicationId],
      },
      { cookie: partnerB.cookie },
    );
    const base = `/staff/cycles/${fixture.cycle.slug}/matching`;
    expect((await post(t.server, base, { intent: "dry-run" }, { cookie: staff.cookie })).status).toBe(302);
    const page = await pageText(await get(t.server, base, { cookie: staff.cookie }));
    expect(page).toContain("0 blocking pairs");
    const unconfirmed = await post(t.server, base, { intent: "publish" }, { cookie: staff.cookie });
    expect(unconfirmed.status).toBe(400);
    expect((await post(t.server, base, { intent: "publish", confirm: "on" }, { cookie: staff.cookie })).status).toBe(
      302,
    );
    const statuses = await t.server.db
      .selectFrom("applications")
      .select(["id", "status"])
      .where("cycleId", "=", fixture.cycle.id)
      .execute();
    expect(statuses.find((row) => row.id === f0!.applicationId)?.status).toBe("matched");
    const accept = await post(
      t.server,
      "/me/applications",
      { intent: "accept-placement", applicationId: f0!.applicationId },
      { cookie: await cookieOf(f0!.id) },
    );
    expect(accept.status).toBe(302);
    const after = await t.server.db
      .selectFrom("applications")
      .select("status")
      .where("id", "=", f0!.applicationId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("accepted");
  });

  it("serves the partner page with a number of queries that does not grow with the finalists", async () => {
    const small = await createMatchingFixture(t.server.db, t.server.config, { finalists: 1, seats: [1] });
    const large = await createMatchingFixture(t.server.db, t.server.config, { finalists: 7, seats: [1] });
    const countFor = async (f: MatchingFixture) =>
      queryCount(
        await get(t.server, `/partner/positions/${f.positions[0]!.id}`, {
          cookie: await cookieOf(f.organizations[0]!.partnerId),
        }),
      );
    expect(await countFor(large)).toBe(await countFor(small));
  });
});
