import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import {
  answerAsAlly,
  answerByLink,
  completeAssignment,
  findReplyLink,
  proposeAssignment,
} from "~/campaigns/assignments.server";
import {
  addNeed,
  createCampaign,
  getCampaignBySlug,
  getPublicCampaign,
  needProgress,
  type Campaign,
} from "~/campaigns/campaigns.server";
import { suggestAllies } from "~/campaigns/suggestions.server";
import { withdrawProfile } from "~/network/profiles.server";
import { loadConfig } from "~/utils/config.server";
import { describeDb } from "../../support/db";
import { english } from "../../support/english";
import { createAlly, type TestAlly } from "../../support/network";
import { latestEmailTo } from "../../support/outbox";

const config = loadConfig({ SESSION_SECRET: "integration-secret-long-enough-for-hmac-use" });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let slugCounter = 0;

describeDb("campaigns: needs, suggestions, proposals and answers", (t) => {
  let staffId: string;
  let campaign: Campaign;
  let trainer: TestAlly;
  let storyteller: TestAlly;
  let far: TestAlly;

  async function newCampaign(startsIn: number, days: number) {
    const slug = `campaign-${++slugCounter}-${Date.now().toString(36)}`;
    const created = await createCampaign(t.db, staffId, {
      intent: "save-campaign",
      name: `Campaign ${slug}`,
      slug,
      summary: "Encryption for everyone.",
      startsOn: day(startsIn),
      endsOn: day(startsIn + days),
      status: "active",
      languages: ["Spanish"],
      timezone: "America/Bogota",
      version: undefined,
    });
    if (!created.ok) throw new Error(created.message);
    return (await getCampaignBySlug(t.db, slug))!;
  }

  /** The token of the link in the newest proposal email to an ally (what the ally would click). */
  async function tokenFor(ally: TestAlly) {
    const email = await latestEmailTo(t.db, ally.email);
    const match = /campaign-replies\/([A-Za-z0-9_-]+)\?answer=accept/.exec(email?.text ?? "");
    if (!match) throw new Error(`no link in ${email?.text}`);
    return match[1]!;
  }

  beforeAll(async () => {
    staffId = (
      await t.db
        .insertInto("users")
        .values({ email: `staff-${Date.now()}@example.org`, name: "Staff" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    campaign = await newCampaign(10, 60);
    await addNeed(t.db, staffId, campaign.id, { kind: "skill", value: "security training", quantity: 2 });
    await addNeed(t.db, staffId, campaign.id, { kind: "discipline", value: "artist", quantity: 1 });
    trainer = await createAlly(t.db, {
      displayName: "Near Trainer",
      skills: ["security training"],
      languages: ["Spanish"],
      timezone: "America/Lima",
      visibility: "staff",
    });
    storyteller = await createAlly(t.db, {
      displayName: "Story Artist",
      disciplines: ["artist"],
      timezone: "America/Bogota",
    });
    far = await createAlly(t.db, {
      displayName: "Far Trainer",
      skills: ["security training"],
      languages: ["Japanese"],
      timezone: "Asia/Tokyo",
      hoursPerMonth: 2,
    });
    await createAlly(t.db, { displayName: "Unrelated Person", skills: ["podcasting"] });
  });

  it("suggests allies who match an open need, best fit first, and flags overlapping assignments", async () => {
    const other = await newCampaign(20, 10);
    await addNeed(t.db, staffId, other.id, { kind: "skill", value: "security training", quantity: 1 });
    expect(await proposeAssignment(t.db, config, staffId, { campaignId: other.id, profileId: far.profileId })).toEqual({
      ok: true,
      alreadyProposed: false,
    });

    const suggestions = await suggestAllies(t.db, campaign, await needProgress(t.db, campaign.id));
    expect(suggestions.map((s) => s.displayName)).toEqual(["Near Trainer", "Story Artist", "Far Trainer"]);
    expect(suggestions[0]!.fit.reasons.map(english).join(" ")).toContain("Speaks Spanish");
    expect(suggestions.find((s) => s.displayName === "Far Trainer")!.overlaps).toEqual([other.name]);
    expect(suggestions.find((s) => s.displayName === "Near Trainer")!.overlaps).toEqual([]);
  });

  it("emails single-use links, refuses tampered, reused and expired links, and moves the progress", async () => {
    const need = (await needProgress(t.db, campaign.id)).find((n) => n.value === "security training")!;
    expect(
      await proposeAssignment(t.db, config, staffId, {
        campaignId: campaign.id,
        profileId: trainer.profileId,
        needId: need.id,
      }),
    ).toEqual({ ok: true, alreadyProposed: false });
    // Proposing twice sends one email.
    expect(
      await proposeAssignment(t.db, config, staffId, {
        campaignId: campaign.id,
        profileId: trainer.profileId,
        needId: need.id,
      }),
    ).toEqual({ ok: true, alreadyProposed: true });
    const token = await tokenFor(trainer);
    const stored = await t.db
      .selectFrom("campaignAssignments")
      .select("replyTokenHash")
      .where("profileId", "=", trainer.profileId)
      .executeTakeFirstOrThrow();
    expect(stored.replyTokenHash?.toString("base64url")).not.toBe(token);
    expect((await needProgress(t.db, campaign.id)).find((n) => n.id === need.id)).toMatchObject({
      accepted: 0,
      proposed: 1,
    });

    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await findReplyLink(t.db, tampered)).toBeNull();
    expect(await answerByLink(t.db, tampered, "accepted", true)).toMatchObject({ ok: false, status: 404 });

    expect((await findReplyLink(t.db, token))?.state).toBe("open");
    expect(await answerByLink(t.db, token, "accepted", true)).toMatchObject({ ok: true, answer: "accepted" });
    // A resubmitted answer is the one recorded; a different answer through a used link is refused.
    expect(await answerByLink(t.db, token, "accepted", true)).toMatchObject({ ok: true, answer: "accepted" });
    expect(await answerByLink(t.db, token, "declined", false)).toMatchObject({
      ok: false,
      status: 410,
      reason: "used",
    });
    expect((await needProgress(t.db, campaign.id)).find((n) => n.id === need.id)).toMatchObject({
      accepted: 1,
      proposed: 0,
    });

    expect(
      await proposeAssignment(t.db, config, staffId, { campaignId: campaign.id, profileId: storyteller.profileId }),
    ).toMatchObject({ ok: true });
    const late = await tokenFor(storyteller);
    await t.db
      .updateTable("campaignAssignments")
      .set({ replyExpiresAt: sql`now() - interval '1 minute'` })
      .where("profileId", "=", storyteller.profileId)
      .execute();
    expect((await findReplyLink(t.db, late))?.state).toBe("expired");
    expect(await answerByLink(t.db, late, "accepted", true)).toMatchObject({
      ok: false,
      status: 410,
      reason: "expired",
    });
    const status = await t.db
      .selectFrom("campaignAssignments")
      .select("status")
      .where("profileId", "=", storyteller.profileId)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("proposed");
  });

  it("lets the ally answer in the portal: the same answer twice is harmless, another person's is a 404", async () => {
    const ally = await createAlly(t.db, { displayName: "Portal Answerer", disciplines: ["artist"] });
    await proposeAssignment(t.db, config, staffId, { campaignId: campaign.id, profileId: ally.profileId });
    const { id } = await t.db
      .selectFrom("campaignAssignments")
      .select("id")
      .where("profileId", "=", ally.profileId)
      .executeTakeFirstOrThrow();
    expect(await answerAsAlly(t.db, trainer.userId, id, "accepted", true)).toMatchObject({ ok: false, status: 404 });
    expect(await answerAsAlly(t.db, ally.userId, id, "declined", true)).toMatchObject({ ok: true, answer: "declined" });
    expect(await answerAsAlly(t.db, ally.userId, id, "declined", true)).toMatchObject({ ok: true });
    expect(await answerAsAlly(t.db, ally.userId, id, "accepted", true)).toMatchObject({ ok: false, status: 409 });
    // The emailed link died with the answer.
    expect((await answerByLink(t.db, await tokenFor(ally), "accepted", true)).ok).toBe(false);
  });

  it("lets staff mark an accepted assignment done, once, and nothing else", async () => {
    const rows = await t.db
      .selectFrom("campaignAssignments")
      .select(["id", "status"])
      .where("campaignId", "=", campaign.id)
      .execute();
    const accepted = rows.find((row) => row.status === "accepted")!;
    const proposed = rows.find((row) => row.status === "proposed")!;
    expect(await completeAssignment(t.db, staffId, campaign.id, accepted.id)).toEqual({ ok: true });
    expect(await completeAssignment(t.db, staffId, campaign.id, accepted.id)).toEqual({ ok: true });
    expect(await completeAssignment(t.db, staffId, campaign.id, proposed.id)).toMatchObject({ status: 409 });
    const other = await newCampaign(1, 5);
    expect(await completeAssignment(t.db, staffId, other.id, accepted.id)).toMatchObject({ status: 404 });
    // Done still counts as staffed.
    const progress = await needProgress(t.db, campaign.id);
    expect(progress.find((n) => n.value === "security training")).toMatchObject({ accepted: 1 });
  });

  it("shows on the public page only allies who accepted and chose to be shown, while they consent", async () => {
    const page = await getPublicCampaign(t.db, campaign.slug);
    expect(page?.allies.map((a) => a.displayName)).toEqual(["Near Trainer"]);
    // A staff-only profile is named but not linked.
    expect(page?.allies[0]!.publicProfile).toBe(false);
    await withdrawProfile(t.db, trainer.userId, 1);
    expect((await getPublicCampaign(t.db, campaign.slug))?.allies).toEqual([]);
  });
});
