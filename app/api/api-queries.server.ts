import { sql } from "kysely";
import type { DB } from "#db/client";
import type { ApplicationStatus } from "#db/types";
import { cycleApplicationsWithApplicant } from "~/applications/admin.server";
import { audit } from "~/audit/audit.server";
import { campaignAssignmentsWithAlly } from "~/campaigns/campaigns.server";
import { keysetPage, keyText, type PageArgs } from "./keyset.server";

/**
 * The API's reads, each one page in (created time, id) order so that a cursor survives inserts.
 * Dates go out as ISO strings.
 */

export async function cyclesPage(db: DB, { after, limit, includeDrafts }: PageArgs & { includeDrafts: boolean }) {
  let query = db
    .selectFrom("cycles")
    .select([
      "id",
      "slug",
      "name",
      "status",
      "opensAt",
      "closesAt",
      "timezone",
      keyText("cycles", "created_at").as("key"),
    ]);
  if (!includeDrafts) query = query.where("status", "!=", "draft");
  const { items, nextCursor } = await keysetPage(query, "cycles", "created_at", { after, limit });
  return {
    data: items.map((cycle) => ({
      slug: cycle.slug,
      name: cycle.name,
      status: cycle.status,
      opensAt: cycle.opensAt.toISOString(),
      closesAt: cycle.closesAt.toISOString(),
      timezone: cycle.timezone,
    })),
    nextCursor,
  };
}

export async function applicationsPage(
  db: DB,
  cycleId: string,
  { after, limit, status }: PageArgs & { status: ApplicationStatus | undefined },
) {
  let query = cycleApplicationsWithApplicant(db, cycleId).select(keyText("applications", "created_at").as("key"));
  if (status) query = query.where("applications.status", "=", status);
  const { items, nextCursor } = await keysetPage(query, "applications", "created_at", { after, limit });
  return { data: items.map(applicationView), nextCursor };
}

function applicationView(row: {
  id: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  updatedAt: Date;
  name: string;
  email: string;
}) {
  return {
    id: row.id,
    status: row.status,
    applicant: { name: row.name, email: row.email },
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One application of the cycle with its status history; another cycle's id answers null (a 404). */
export async function applicationWithHistory(db: DB, cycleId: string, applicationId: string) {
  const row = await cycleApplicationsWithApplicant(db, cycleId)
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const events = await db
    .selectFrom("applicationEvents")
    .select(["kind", "fromStatus", "toStatus", "at"])
    .where("applicationId", "=", applicationId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return {
    ...applicationView(row),
    history: events.map((event) => ({ ...event, at: event.at.toISOString() })),
  };
}

/** Submitted reviews in the order they were submitted; the export is audited like the CSV's. */
export async function reviewsPage(db: DB, actorId: string, cycleId: string, { after, limit }: PageArgs) {
  const query = db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .innerJoin("users as reviewer", "reviewer.id", "reviewAssignments.reviewerId")
    .select([
      "reviews.id",
      "reviews.scores",
      "reviews.comments",
      "reviews.recommendation",
      "reviews.confidence",
      "reviews.overallComment",
      "reviews.submittedAt",
      "reviewAssignments.applicationId",
      "reviewer.name as reviewerName",
      keyText("reviews", "submitted_at").as("key"),
    ])
    .where("reviewAssignments.cycleId", "=", cycleId)
    .where("reviews.submittedAt", "is not", null);
  const { items, nextCursor } = await keysetPage(query, "reviews", "submitted_at", { after, limit });
  await audit(db, {
    actorId,
    action: "export.reviews",
    subjectType: "cycle",
    subjectId: cycleId,
    data: { rows: items.length, via: "api" },
  });
  return {
    data: items.map((review) => ({
      id: review.id,
      applicationId: review.applicationId,
      reviewer: review.reviewerName,
      submittedAt: review.submittedAt?.toISOString() ?? null,
      recommendation: review.recommendation,
      confidence: review.confidence,
      scores: review.scores,
      comments: review.comments,
      overallComment: review.overallComment,
    })),
    nextCursor,
  };
}

export async function campaignsPage(db: DB, { after, limit }: PageArgs) {
  const query = db.selectFrom("campaigns").select((eb) => [
    "campaigns.id",
    "campaigns.slug",
    "campaigns.name",
    "campaigns.status",
    "campaigns.startsOn",
    "campaigns.endsOn",
    keyText("campaigns", "created_at").as("key"),
    eb
      .selectFrom("campaignNeeds")
      .select(sql<number>`coalesce(sum(quantity), 0)`.as("n"))
      .whereRef("campaignNeeds.campaignId", "=", "campaigns.id")
      .as("needed"),
    eb
      .selectFrom("campaignAssignments")
      .select(sql<number>`count(*)`.as("n"))
      .whereRef("campaignAssignments.campaignId", "=", "campaigns.id")
      .where("campaignAssignments.status", "in", ["accepted", "completed"])
      .as("accepted"),
  ]);
  const { items, nextCursor } = await keysetPage(query, "campaigns", "created_at", { after, limit });
  return {
    data: items.map((campaign) => ({
      slug: campaign.slug,
      name: campaign.name,
      status: campaign.status,
      startsOn: String(campaign.startsOn),
      endsOn: String(campaign.endsOn),
      placesNeeded: Number(campaign.needed ?? 0),
      placesAccepted: Number(campaign.accepted ?? 0),
    })),
    nextCursor,
  };
}

/** A campaign's assignments with the ally's display name (never their email, as on the staff page). */
export async function assignmentsPage(db: DB, campaignId: string, { after, limit }: PageArgs) {
  const query = campaignAssignmentsWithAlly(db, campaignId).select(
    keyText("campaignAssignments", "created_at").as("key"),
  );
  const { items, nextCursor } = await keysetPage(query, "campaignAssignments", "created_at", { after, limit });
  return {
    data: items.map(({ key: _key, needValue, ...row }) => ({
      ...row,
      need: needValue,
      createdAt: row.createdAt.toISOString(),
      answeredAt: row.answeredAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
}
