import { beforeAll, expect, it } from "vitest";
import { addReviewedApplications } from "../../support/bulk-reviews";
import { createReviewFixture, type ReviewFixture } from "../../support/review";
import { createUser, describeServer, get, pageText, post, queryCount, type TestUser } from "../../support/server";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The "Next page" link of a staff list, if any, as a path the test can GET. */
function nextLink(html: string, base: string): string | null {
  const href = /href="([^"]+)"[^>]*>Next page</.exec(html)?.[1];
  if (!href) return null;
  const decoded = href.replaceAll("&amp;", "&");
  return decoded.startsWith("?") ? `${base}${decoded}` : decoded;
}

const linkedIds = (html: string) =>
  [...html.matchAll(new RegExp(`/applications/(${UUID})"`, "g"))].map((match) => match[1]!);
const tickedIds = (html: string) =>
  [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)].flatMap(
    (match) => new RegExp(`name="applicationId"[^>]*value="(${UUID})"`).exec(match[0])?.slice(1) ?? [],
  );

describeServer("staff lists paged in SQL", (t) => {
  let staff: TestUser;
  let big: ReviewFixture;
  let small: ReviewFixture;
  // 2 unreviewed + 118 reviewed three times: three pages of 50.
  const SIZE = 120;
  beforeAll(async () => {
    staff = await createUser(t.server, { staff: true });
    big = await createReviewFixture(t.server.db, t.server.config, { applicants: 2, reviewers: 5, k: 3 });
    await addReviewedApplications(t.server.db, big, SIZE - 2, { k: 3 });
    small = await createReviewFixture(t.server.db, t.server.config, { applicants: 2, reviewers: 5, k: 3 });
    await addReviewedApplications(t.server.db, small, 1, { k: 3 });
  });
  const base = (fixture: ReviewFixture) => `/staff/cycles/${fixture.cycle.slug}`;

  /** Every page of a list from `first`, following its "Next page" links. */
  async function allPages(path: string, first: string, ids: (html: string) => string[]) {
    const pages: string[][] = [];
    for (let url: string | null = first; url;) {
      const response = await get(t.server, url, { cookie: staff.cookie });
      expect(response.status).toBe(200);
      const html = await pageText(response);
      pages.push(ids(html));
      url = nextLink(html, path);
    }
    return pages;
  }

  it("pages the ranking in the model's order, every application once, and sorts by a column", async () => {
    const path = `${base(big)}/ranking`;
    const pages = await allPages(path, path, linkedIds);
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(SIZE);
    const stored = await t.server.db
      .selectFrom("roundRankingRows")
      .select(["applicationId", "rank", "rawMean"])
      .where("roundId", "=", big.round.id)
      .orderBy("rank")
      .execute();
    // Ranked first by the stored rank, then the two without a review (by name).
    expect(ids.slice(0, SIZE - 2)).toEqual(stored.map((row) => row.applicationId));
    const raw = new Map(stored.map((row) => [row.applicationId, row.rawMean]));
    const byRaw = (await allPages(path, `${path}?sort=raw&order=asc`, linkedIds)).flat();
    expect(new Set(byRaw).size).toBe(SIZE);
    const values = byRaw.slice(0, SIZE - 2).map((id) => raw.get(id)!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("keeps pages stable when decisions are marked between them", async () => {
    const path = `${base(big)}/ranking`;
    const first = await pageText(await get(t.server, path, { cookie: staff.cookie }));
    const firstIds = linkedIds(first);
    // A mark changes the status column, not a score: the next page starts where the first ended.
    const marked = await post(
      t.server,
      `${base(big)}/decisions`,
      { intent: "mark-waitlisted", applicationId: firstIds.slice(0, 3) },
      { cookie: staff.cookie },
    );
    expect(marked.status).toBe(302);
    const second = linkedIds(await pageText(await get(t.server, nextLink(first, path)!, { cookie: staff.cookie })));
    expect(second).toHaveLength(50);
    expect(second.filter((id) => firstIds.includes(id))).toEqual([]);
    await post(
      t.server,
      `${base(big)}/decisions`,
      { intent: "clear", applicationId: firstIds.slice(0, 3) },
      { cookie: staff.cookie },
    );
  });

  it("filters the ranking to disagreements and counts them in SQL", async () => {
    const disagreeing = await t.server.db
      .selectFrom("roundRankingRows")
      .select("applicationId")
      .where("roundId", "=", big.round.id)
      .where("disagreement", "=", true)
      .execute();
    const path = `${base(big)}/ranking`;
    const ids = (await allPages(path, `${path}?disagreement=1`, linkedIds)).flat();
    expect(ids.sort()).toEqual(disagreeing.map((row) => row.applicationId).sort());
    const html = await pageText(await get(t.server, `${path}?disagreement=1`, { cookie: staff.cookie }));
    expect(html).toContain(
      `${disagreeing.length} application${disagreeing.length === 1 ? "" : "s"} where reviewers disagree`,
    );
  });

  it("pages the applications list, filters it, and shows what each application lacks", async () => {
    const path = `${base(big)}/applications`;
    const pages = await allPages(path, path, linkedIds);
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(new Set(pages.flat()).size).toBe(SIZE);
    const html = await pageText(await get(t.server, `${path}?q=Applicant%2000007`, { cookie: staff.cookie }));
    expect(linkedIds(html)).toHaveLength(1);
    // The bulk applications answered nothing: the required answers are missing.
    expect(html).toMatch(/<td>\d+ answers?[^<]*<\/td>/);
    const drafts = await pageText(await get(t.server, `${path}?status=draft`, { cookie: staff.cookie }));
    expect(linkedIds(drafts)).toEqual([]);
  });

  it("pages the decisions on a score filter", async () => {
    const path = `${base(big)}/decisions`;
    const ids = (await allPages(path, `${path}?min=50`, tickedIds)).flat();
    const scores = await t.server.db
      .selectFrom("roundRankingRows")
      .select(["applicationId", "score"])
      .where("roundId", "=", big.round.id)
      .where("score", ">=", 50)
      .execute();
    expect(ids.sort()).toEqual(scores.map((row) => row.applicationId).sort());
  });

  it("marks all on a filter with the count confirmed, and refuses a count that no longer holds", async () => {
    const path = `${base(big)}/decisions`;
    // The 30th best calibrated score as the filter's floor: about 30 applications, whatever the scores.
    const floor = await t.server.db
      .selectFrom("roundRankingRows")
      .select("score")
      .where("roundId", "=", big.round.id)
      .where("rank", "=", 30)
      .executeTakeFirstOrThrow();
    const min = String(floor.score);
    const confirm = await pageText(
      await get(t.server, `${path}?min=${encodeURIComponent(min)}&bulk=not_selected`, { cookie: staff.cookie }),
    );
    const count = Number(/name="count" value="(\d+)"/.exec(confirm)?.[1]);
    expect(count).toBeGreaterThanOrEqual(30);
    expect(confirm).toContain(`Mark all ${count}`);
    const pending = () =>
      t.server.db
        .selectFrom("applications")
        .select("id")
        .where("cycleId", "=", big.cycle.id)
        .where("pendingDecision", "=", "not_selected")
        .execute();
    const wrong = await post(
      t.server,
      path,
      { intent: "bulk", decision: "not_selected", count: String(count + 1), min },
      { cookie: staff.cookie },
    );
    expect(wrong.status).toBe(409);
    expect(await pageText(wrong)).toContain(`not the ${count + 1} you confirmed; nothing was marked`);
    expect(await pending()).toEqual([]);
    const right = await post(
      t.server,
      path,
      { intent: "bulk", decision: "not_selected", count: String(count), min },
      { cookie: staff.cookie },
    );
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe(`${path}?${new URLSearchParams({ min })}`);
    expect(await pending()).toHaveLength(count);
    const noCount = await post(t.server, path, { intent: "bulk", decision: "finalist", min }, { cookie: staff.cookie });
    expect(noCount.status).toBe(400);
    await post(
      t.server,
      path,
      { intent: "bulk", decision: "clear", count: String(count), min },
      { cookie: staff.cookie },
    );
    expect(await pending()).toEqual([]);
  });

  it("runs as many queries for a cycle of 3 applications as for one of 120, on each staff list", async () => {
    const steady = async (url: string) => {
      await get(t.server, url, { cookie: staff.cookie });
      return queryCount(await get(t.server, url, { cookie: staff.cookie }));
    };
    for (const page of ["ranking", "decisions", "applications"]) {
      expect([page, await steady(`${base(big)}/${page}`)]).toEqual([page, await steady(`${base(small)}/${page}`)]);
    }
  });

  it("refits a round's stored ranking once its reviews change, not on every view", async () => {
    const path = `${base(small)}/ranking`;
    await get(t.server, path, { cookie: staff.cookie });
    const computed = () =>
      t.server.db
        .selectFrom("roundRankings")
        .select("computedAt")
        .where("roundId", "=", small.round.id)
        .executeTakeFirstOrThrow();
    const before = await computed();
    await get(t.server, path, { cookie: staff.cookie });
    expect((await computed()).computedAt).toEqual(before.computedAt);
    await addReviewedApplications(t.server.db, small, 1, { k: 3 });
    await get(t.server, path, { cookie: staff.cookie });
    expect((await computed()).computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });

  it("previews a release of many marks by counting them all and naming the first 50", async () => {
    const path = `${base(big)}/decisions`;
    const confirm = await pageText(await get(t.server, `${path}?bulk=not_selected`, { cookie: staff.cookie }));
    const count = Number(/name="count" value="(\d+)"/.exec(confirm)?.[1]);
    expect(count).toBeGreaterThan(60);
    const marked = await post(
      t.server,
      path,
      { intent: "bulk", decision: "not_selected", count: String(count) },
      { cookie: staff.cookie },
    );
    expect(marked.status).toBe(302);
    const html = await pageText(await get(t.server, path, { cookie: staff.cookie }));
    const preview = html.slice(html.indexOf("What the release sends"));
    expect(preview).toContain(`${count} recipients`);
    const named = [...preview.matchAll(/<li>[^<]*\([^)@]+@[^)]+\)/g)];
    expect(named).toHaveLength(50);
    expect(preview).toContain(`… and ${count - 50} more`);
    expect(preview).toContain('href="?show=marked"');
    await post(t.server, path, { intent: "bulk", decision: "clear", count: String(count) }, { cookie: staff.cookie });
  });
});
