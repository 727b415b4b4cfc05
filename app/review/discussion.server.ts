import type { Kysely } from "kysely";
import { msg } from "~/i18n/message";
import type { DB } from "#db/client";
import type { Database } from "#db/types";
import { audit } from "~/audit/audit.server";
import { blindLabel } from "./reviews.server";

/**
 * The panel's discussion of one application. Who may take part: staff, and each reviewer of the
 * application once their own review is in (so nobody anchors on the others before scoring). Blind
 * rules: a reviewer never sees the applicant's identity in a blind cycle, and reviewers appear to
 * each other as "Reviewer 1/2/3" (numbered by when they were assigned); staff see names.
 */

export type DiscussionViewer = { userId: string; staff: boolean };

export interface DiscussionAccess {
  applicationId: string;
  cycleId: string;
  cycleSlug: string;
  blind: boolean;
  applicationStatus: string;
  /** The viewer's own submitted assignment on the application, if they review it. */
  assignmentId: string | null;
  /** Whether posts are still taken: while the application is in review. */
  open: boolean;
}

/** Null when the viewer may not read the application's discussion (answers like a missing page). */
export async function discussionAccess(
  db: Kysely<Database>,
  applicationId: string,
  viewer: DiscussionViewer,
): Promise<DiscussionAccess | null> {
  const application = await db
    .selectFrom("applications")
    .innerJoin("cycles", "cycles.id", "applications.cycleId")
    .select(["applications.id", "applications.status", "cycles.id as cycleId", "cycles.slug", "cycles.blindReview"])
    .where("applications.id", "=", applicationId)
    .where("applications.status", "not in", ["draft", "withdrawn"])
    .executeTakeFirst();
  if (!application) return null;
  const own = await submittedAssignment(db, applicationId, viewer.userId);
  if (!viewer.staff && !own) return null;
  return {
    applicationId,
    cycleId: application.cycleId,
    cycleSlug: application.slug,
    blind: application.blindReview,
    applicationStatus: application.status,
    assignmentId: own?.id ?? null,
    open: application.status === "in_review",
  };
}

/** The reviewer's assignment on the application, if it is submitted and they are still on the panel. */
async function submittedAssignment(db: Kysely<Database>, applicationId: string, reviewerId: string) {
  return db
    .selectFrom("reviewAssignments")
    .innerJoin("cycleReviewers", (join) =>
      join
        .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
        .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
    )
    .select("reviewAssignments.id")
    .where("reviewAssignments.applicationId", "=", applicationId)
    .where("reviewAssignments.reviewerId", "=", reviewerId)
    .where("reviewAssignments.status", "=", "submitted")
    .where("cycleReviewers.active", "=", true)
    .executeTakeFirst();
}

/** Each reviewer of the application and their number, by order of assignment (recused ones keep theirs). */
export async function reviewerNumbers(db: Kysely<Database>, applicationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("reviewAssignments")
    .select("reviewerId")
    .where("applicationId", "=", applicationId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  return new Map(rows.map((row, index) => [row.reviewerId, index + 1]));
}

export interface AuthorNaming {
  numbers: Map<string, number>;
  names: Map<string, string>;
  staffIds: Set<string>;
}

/**
 * How an author is named to a viewer: the blind rules in one place. A message (`msg`), translated
 * where it is shown; a name alone (staff see a former reviewer's name) stays as it is.
 */
export function authorLabel(naming: AuthorNaming, authorId: string, viewer: DiscussionViewer): string {
  const number = naming.numbers.get(authorId);
  const name = naming.names.get(authorId);
  const you = authorId === viewer.userId;
  if (number !== undefined) {
    if (!viewer.staff || name === undefined)
      return you ? msg("discussion.author.reviewerYou", { number }) : msg("discussion.author.reviewer", { number });
    return you
      ? msg("discussion.author.namedReviewerYou", { name, number })
      : msg("discussion.author.namedReviewer", { name, number });
  }
  if (name === undefined) return msg("discussion.author.formerMember");
  if (naming.staffIds.has(authorId))
    return you ? msg("discussion.author.staffYou", { name }) : msg("discussion.author.staff", { name });
  if (viewer.staff) return you ? msg("discussion.author.nameYou", { name }) : name;
  return you ? msg("discussion.author.formerReviewerYou") : msg("discussion.author.formerReviewer");
}

export async function authorNaming(db: Kysely<Database>, applicationId: string, authorIds: string[]) {
  const ids = [...new Set(authorIds)];
  const [numbers, users, staff] = await Promise.all([
    reviewerNumbers(db, applicationId),
    ids.length ? db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute() : [],
    ids.length
      ? db.selectFrom("userRoles").select("userId").where("role", "=", "staff").where("userId", "in", ids).execute()
      : [],
  ]);
  return {
    numbers,
    names: new Map(users.map((user) => [user.id, user.name])),
    staffIds: new Set(staff.map((row) => row.userId)),
  } satisfies AuthorNaming;
}

export interface DiscussionPost {
  id: string;
  author: string;
  mine: boolean;
  body: string;
  at: string;
}

/** The thread as the viewer may read it, oldest first. Call only after {@link discussionAccess}. */
export async function loadDiscussion(
  db: Kysely<Database>,
  applicationId: string,
  viewer: DiscussionViewer,
): Promise<DiscussionPost[]> {
  const comments = await db
    .selectFrom("reviewComments")
    .select(["id", "authorId", "body", "createdAt"])
    .where("applicationId", "=", applicationId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const naming = await authorNaming(
    db,
    applicationId,
    comments.map((comment) => comment.authorId),
  );
  return comments.map((comment) => ({
    id: comment.id,
    author: authorLabel(naming, comment.authorId, viewer),
    mine: comment.authorId === viewer.userId,
    body: comment.body,
    at: comment.createdAt.toISOString(),
  }));
}

export type PostResult =
  | { ok: true; commentId: string; duplicate: boolean }
  | { ok: false; status: 404 | 409; reason: "not-found" | "closed" | "stale-form"; message: string };

/**
 * Posts to the discussion and, in the same transaction, notes who is to hear of it: the other
 * reviewers of the application who have submitted, and staff who have taken part in the thread.
 * The same form token twice finds the first post and adds nothing.
 */
export async function postComment(
  db: DB,
  input: { applicationId: string; author: DiscussionViewer; body: string; token: string },
): Promise<PostResult> {
  return db.transaction().execute(async (trx) => {
    // The application row is the lock: a decision released meanwhile closes the thread first.
    await trx.selectFrom("applications").select("id").where("id", "=", input.applicationId).forShare().execute();
    const access = await discussionAccess(trx, input.applicationId, input.author);
    if (!access) return { ok: false, status: 404, reason: "not-found", message: msg("discussion.errors.notFound") };
    const earlier = () =>
      trx
        .selectFrom("reviewComments")
        .select("id")
        .where("authorId", "=", input.author.userId)
        .where("clientToken", "=", input.token)
        .where("applicationId", "=", input.applicationId)
        .executeTakeFirst();
    if (!access.open) {
      // A resubmit of a post made before the decision still succeeds; a new post does not.
      const first = await earlier();
      if (first) return { ok: true, commentId: first.id, duplicate: true };
      return {
        ok: false,
        status: 409,
        reason: "closed",
        message: msg("discussion.errors.closed"),
      };
    }
    const inserted = await trx
      .insertInto("reviewComments")
      .values({
        cycleId: access.cycleId,
        applicationId: input.applicationId,
        authorId: input.author.userId,
        body: input.body,
        clientToken: input.token,
      })
      .onConflict((oc) => oc.columns(["authorId", "clientToken"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const first = await earlier();
      if (first) return { ok: true, commentId: first.id, duplicate: true };
      // The token was used on another application's thread: a forged or stale form.
      return { ok: false, status: 409, reason: "stale-form", message: msg("discussion.errors.reload") };
    }
    const recipients = await threadAudience(trx, input.applicationId);
    recipients.delete(input.author.userId);
    if (recipients.size > 0)
      await trx
        .insertInto("reviewCommentNotices")
        .values([...recipients].map((recipientId) => ({ commentId: inserted.id, recipientId })))
        .execute();
    await audit(trx, {
      actorId: input.author.userId,
      action: "discussion.post",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { commentId: inserted.id, notified: recipients.size },
    });
    return { ok: true, commentId: inserted.id, duplicate: false };
  });
}

/** Everyone who follows the thread: submitted, active reviewers of the application and staff who posted in it. */
async function threadAudience(trx: Kysely<Database>, applicationId: string): Promise<Set<string>> {
  const [reviewers, staff] = await Promise.all([
    trx
      .selectFrom("reviewAssignments")
      .innerJoin("cycleReviewers", (join) =>
        join
          .onRef("cycleReviewers.cycleId", "=", "reviewAssignments.cycleId")
          .onRef("cycleReviewers.userId", "=", "reviewAssignments.reviewerId"),
      )
      .select("reviewAssignments.reviewerId as userId")
      .where("reviewAssignments.applicationId", "=", applicationId)
      .where("reviewAssignments.status", "=", "submitted")
      .where("cycleReviewers.active", "=", true)
      .execute(),
    trx
      .selectFrom("reviewComments")
      .innerJoin("userRoles", "userRoles.userId", "reviewComments.authorId")
      .select("reviewComments.authorId as userId")
      .where("reviewComments.applicationId", "=", applicationId)
      .where("userRoles.role", "=", "staff")
      .execute(),
  ]);
  return new Set([...reviewers, ...staff].map((row) => row.userId));
}

/** The application's name for a viewer: the blind label for reviewers of a blind cycle. */
export function applicationLabel(
  application: { id: string; applicantName: string },
  blind: boolean,
  viewer: DiscussionViewer,
): string {
  return blind && !viewer.staff ? blindLabel(application.id) : application.applicantName;
}

/** The application's reviewers (not recused), named for staff: the choices for its lead reviewer. */
export async function panelReviewers(db: Kysely<Database>, applicationId: string) {
  const rows = await db
    .selectFrom("reviewAssignments")
    .innerJoin("users", "users.id", "reviewAssignments.reviewerId")
    .select(["users.id", "users.name", "reviewAssignments.status"])
    .where("reviewAssignments.applicationId", "=", applicationId)
    .where("reviewAssignments.status", "!=", "recused")
    .orderBy("reviewAssignments.createdAt")
    .orderBy("reviewAssignments.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: `${row.name}${row.status === "submitted" ? "" : " (review not submitted yet)"}`,
  }));
}
