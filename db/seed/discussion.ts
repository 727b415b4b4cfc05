import type { DB } from "../client";

/**
 * The 2026 cycle's panel talking: a discussion on one application in review (two reviewers who have
 * submitted, and staff), its lead reviewer with a meta-review, and some reviewers' bids. Built once:
 * a demo that already has a discussion keeps it.
 */
export async function seedDiscussion(db: DB, cycleId: string): Promise<void> {
  const already = await db.selectFrom("reviewComments").select("id").where("cycleId", "=", cycleId).executeTakeFirst();
  if (already) return;
  const staff = await db.selectFrom("users").select("id").where("email", "=", "staff@demo.test").executeTakeFirst();
  const submitted = await db
    .selectFrom("reviewAssignments")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
    .select(["reviewAssignments.applicationId", "reviewAssignments.reviewerId", "users.email"])
    .where("reviewAssignments.cycleId", "=", cycleId)
    .where("reviewAssignments.status", "=", "submitted")
    .where("applications.status", "=", "in_review")
    .orderBy("reviewAssignments.createdAt")
    .orderBy("reviewAssignments.id")
    .execute();
  const byApplication = new Map<string, typeof submitted>();
  for (const row of submitted)
    byApplication.set(row.applicationId, [...(byApplication.get(row.applicationId) ?? []), row]);
  // Prefer an application the demo reviewer has submitted, so signing in as them shows the thread.
  const panels = [...byApplication.values()].filter((rows) => rows.length >= 2);
  const panel = panels.find((rows) => rows.some((row) => row.email === "reviewer@demo.test")) ?? panels[0];
  if (!panel || !staff) return;
  const lead = panel.find((row) => row.email === "reviewer@demo.test") ?? panel[0]!;
  const other = panel.find((row) => row.reviewerId !== lead.reviewerId)!;
  const applicationId = lead.applicationId;
  const posts = [
    {
      authorId: other.reviewerId,
      body: "I scored skill match a 3: the plan names the outcome but not the tools.",
      hoursAgo: 30,
    },
    {
      authorId: lead.reviewerId,
      body: "The writing sample shows the tools, I think: they built the mesh-network census themselves.",
      hoursAgo: 26,
    },
    {
      authorId: staff.id,
      body: "The host told us tools can be taught in the first month; fit and commitment matter more here.",
      hoursAgo: 20,
    },
  ];
  for (const post of posts)
    await db
      .insertInto("reviewComments")
      .values({
        cycleId,
        applicationId,
        authorId: post.authorId,
        body: post.body,
        clientToken: crypto.randomUUID(),
        createdAt: new Date(Date.now() - post.hoursAgo * 3_600_000),
      })
      .execute();
  await db
    .insertInto("applicationLeads")
    .values({ applicationId, reviewerId: lead.reviewerId, designatedBy: staff.id })
    .execute();
  await db
    .insertInto("metaReviews")
    .values({
      applicationId,
      cycleId,
      authorId: lead.reviewerId,
      body: "The panel agrees the commitment is clear and the community work is real. Reviewers differed on skill match; the host's view settles it. Suggestion for the applicant: describe how you will share progress during the year.",
    })
    .execute();

  // Bids: each reviewer eager for some applications still in review, not willing for one.
  const inReview = await db
    .selectFrom("applications")
    .select("id")
    .where("cycleId", "=", cycleId)
    .where("status", "=", "in_review")
    .orderBy("submittedAt")
    .orderBy("id")
    .limit(8)
    .execute();
  const reviewers = [...new Set(submitted.map((row) => row.reviewerId))].slice(0, 3);
  const kinds = ["eager", "willing", "not_willing", "eager"] as const;
  const bids = reviewers.flatMap((reviewerId, r) =>
    inReview.slice(r, r + 4).map((application, index) => ({
      cycleId,
      reviewerId,
      applicationId: application.id,
      bid: kinds[index % kinds.length]!,
    })),
  );
  if (bids.length)
    await db
      .insertInto("reviewBids")
      .values(bids)
      .onConflict((oc) => oc.columns(["reviewerId", "applicationId"]).doNothing())
      .execute();
}
