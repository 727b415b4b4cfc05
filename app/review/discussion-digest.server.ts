import { createHash } from "node:crypto";
import type { DB } from "#db/client";
import { enqueueEmail } from "~/email/outbox.server";
import type { AppConfig } from "~/utils/config.server";
import { emailMoment } from "#emails/moment";
import { groupBy } from "~/utils/group-by";
import {
  applicationLabel,
  authorLabel,
  authorNaming,
  discussionAccess,
  type DiscussionViewer,
} from "./discussion.server";

/** A post longer than this is cut in the email; the page has it whole. */
const EXCERPT_CHARS = 600;

/**
 * Sends each person with unsent discussion notices one email with every post since their last one,
 * grouped by application. Each recipient's notices are claimed under row locks that another process
 * skips, stamped in the same transaction as the email is queued, and the email's key names the posts
 * it carries: two processes running this at once send each post to each person once.
 * Returns how many emails were queued.
 */
export async function sendDiscussionDigests(db: DB, config: AppConfig): Promise<number> {
  const recipients = await db
    .selectFrom("reviewCommentNotices")
    .select("recipientId")
    .distinct()
    .where("sentAt", "is", null)
    .execute();
  let sent = 0;
  for (const { recipientId } of recipients) {
    if (await sendDigestTo(db, config, recipientId)) sent += 1;
  }
  return sent;
}

async function sendDigestTo(db: DB, config: AppConfig, recipientId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const notices = await trx
      .selectFrom("reviewCommentNotices")
      .innerJoin("reviewComments", "reviewComments.id", "reviewCommentNotices.commentId")
      .select([
        "reviewCommentNotices.commentId",
        "reviewComments.applicationId",
        "reviewComments.authorId",
        "reviewComments.body",
        "reviewComments.createdAt",
      ])
      .where("reviewCommentNotices.recipientId", "=", recipientId)
      .where("reviewCommentNotices.sentAt", "is", null)
      .orderBy("reviewComments.createdAt")
      .orderBy("reviewComments.id")
      .forUpdate("reviewCommentNotices")
      .skipLocked()
      .execute();
    if (notices.length === 0) return false;
    await trx
      .updateTable("reviewCommentNotices")
      .set({ sentAt: new Date() })
      .where("recipientId", "=", recipientId)
      .where(
        "commentId",
        "in",
        notices.map((notice) => notice.commentId),
      )
      .execute();
    const recipient = await trx
      .selectFrom("users")
      .leftJoin("userRoles", (join) =>
        join.onRef("userRoles.userId", "=", "users.id").on("userRoles.role", "=", "staff"),
      )
      .select(["users.name", "users.email", "users.timezone", "users.deletedAt", "userRoles.role"])
      .where("users.id", "=", recipientId)
      .executeTakeFirst();
    if (!recipient || recipient.deletedAt) return false;
    const viewer: DiscussionViewer = { userId: recipientId, staff: recipient.role === "staff" };

    const threads = [];
    for (const [applicationId, posts] of groupBy(notices, (notice) => notice.applicationId)) {
      // Access as it is now: a reviewer taken off the panel since the post hears nothing more of it.
      const access = await discussionAccess(trx, applicationId, viewer);
      if (!access) continue;
      const [naming, application] = await Promise.all([
        authorNaming(
          trx,
          applicationId,
          posts.map((post) => post.authorId),
        ),
        trx
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.applicantId")
          .select(["applications.id", "users.name as applicantName"])
          .where("applications.id", "=", applicationId)
          .executeTakeFirstOrThrow(),
      ]);
      const path =
        viewer.staff && !access.assignmentId
          ? `/staff/cycles/${access.cycleSlug}/applications/${applicationId}#discussion`
          : `/review/${access.assignmentId}#discussion`;
      threads.push({
        label: applicationLabel(application, access.blind, viewer),
        url: new URL(path, config.appUrl).toString(),
        posts: posts.map((post) => ({
          author: authorLabel(naming, post.authorId, viewer),
          at: emailMoment(post.createdAt, recipient.timezone),
          body: post.body.length > EXCERPT_CHARS ? `${post.body.slice(0, EXCERPT_CHARS)}…` : post.body,
        })),
      });
    }
    if (threads.length === 0) return false;
    const digestOf = createHash("sha256")
      .update(notices.map((notice) => notice.commentId).join(","))
      .digest("hex")
      .slice(0, 32);
    return enqueueEmail(trx, {
      to: recipient.email,
      template: "discussion-digest",
      props: { name: recipient.name, threads },
      idempotencyKey: `discussion-digest:${recipientId}:${digestOf}`,
    });
  });
}
