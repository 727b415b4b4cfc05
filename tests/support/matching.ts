import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "#db/client";
import { createPosition } from "~/matching/positions.server";
import { createOrganization } from "~/organizations/organizations.server";
import type { AppConfig } from "~/utils/config.server";
import { uniqueEmail } from "./ids";
import { createReviewFixture, type ReviewFixture } from "./review";

export interface MatchingFixture {
  cycle: ReviewFixture["cycle"];
  staffId: string;
  finalists: ReviewFixture["applicants"];
  organizations: { id: string; name: string; partnerId: string; partnerEmail: string }[];
  positions: { id: string; organizationId: string; seats: number }[];
}

/**
 * A cycle in its matching stage: finalists (released decisions), one organization per position
 * with a partner member, every position considering every finalist, and no rank lists yet.
 * Built with the app's own functions; usable from Vitest and Playwright.
 */
export async function createMatchingFixture(
  db: DB,
  config: AppConfig,
  options: { finalists?: number; seats?: number[]; partnerIds?: string[] } = {},
): Promise<MatchingFixture> {
  const review = await createReviewFixture(db, config, {
    applicants: options.finalists ?? 3,
    reviewers: 0,
    k: 1,
    rubric: false,
  });
  await db
    .updateTable("applications")
    .set({ status: "finalist", decisionReleasedAt: sql`now()` })
    .where("cycleId", "=", review.cycle.id)
    .execute();
  await db.updateTable("cycles").set({ status: "matching" }).where("id", "=", review.cycle.id).execute();
  const organizations = [];
  const positions = [];
  for (const [index, seats] of (options.seats ?? [1, 1]).entries()) {
    const slug = `host-${randomBytes(4).toString("hex")}`;
    const created = await createOrganization(db, review.staffId, {
      name: `Host ${slug}`,
      slug,
      description: "",
      focusAreas: [],
      country: "",
      remoteFriendly: true,
    });
    if (!created.ok) throw new Error(created.message);
    const org = await db
      .selectFrom("organizations")
      .select(["id", "name"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    const partnerId =
      options.partnerIds?.[index] ??
      (
        await db
          .insertInto("users")
          .values({ email: uniqueEmail("partner"), name: `Partner ${index}` })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const partner = await db.selectFrom("users").select("email").where("id", "=", partnerId).executeTakeFirstOrThrow();
    await db.insertInto("orgMembers").values({ organizationId: org.id, userId: partnerId, role: "owner" }).execute();
    organizations.push({ id: org.id, name: org.name, partnerId, partnerEmail: partner.email });
    const positionId = await createPosition(db, review.staffId, review.cycle.id, org.id, {
      title: `Position ${index + 1}`,
      description: "A position for tests",
      seats,
      skills: [],
      location: "",
      remote: true,
    });
    positions.push({ id: positionId!, organizationId: org.id, seats });
  }
  await db
    .insertInto("positionCandidates")
    .values(
      positions.flatMap((position) =>
        review.applicants.map((finalist) => ({ positionId: position.id, applicationId: finalist.applicationId })),
      ),
    )
    .execute();
  return { cycle: review.cycle, staffId: review.staffId, finalists: review.applicants, organizations, positions };
}
