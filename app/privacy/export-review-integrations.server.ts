import type { DB } from "#db/client";

/**
 * The export's part for the review discussion (issue 12) and the integrations (issue 16): what the
 * person wrote or chose there, and the tokens and sign-in links they hold. Never a token's hash or a
 * webhook's signing secret.
 */
export async function reviewAndIntegrationsOf(db: DB, userId: string) {
  const [
    discussionPosts,
    discussionNotices,
    leadOf,
    leadsDesignated,
    metaReviewsWritten,
    metaReviewsMarked,
    reviewBids,
    apiTokens,
    singleSignOn,
    webhookEndpointsAdded,
  ] = await Promise.all([
    db
      .selectFrom("reviewComments")
      .select(["applicationId", "body", "createdAt"])
      .where("authorId", "=", userId)
      .orderBy("createdAt")
      .execute(),
    db
      .selectFrom("reviewCommentNotices")
      .innerJoin("reviewComments", "reviewComments.id", "reviewCommentNotices.commentId")
      .select(["reviewComments.applicationId", "reviewCommentNotices.sentAt"])
      .where("reviewCommentNotices.recipientId", "=", userId)
      .execute(),
    db.selectFrom("applicationLeads").select(["applicationId", "createdAt"]).where("reviewerId", "=", userId).execute(),
    db
      .selectFrom("applicationLeads")
      .select(["applicationId", "createdAt"])
      .where("designatedBy", "=", userId)
      .execute(),
    db
      .selectFrom("metaReviews")
      .select(["applicationId", "body", "releaseToApplicant", "updatedAt"])
      .where("authorId", "=", userId)
      .execute(),
    db.selectFrom("metaReviews").select(["applicationId"]).where("releaseMarkedBy", "=", userId).execute(),
    db
      .selectFrom("reviewBids")
      .select(["applicationId", "bid", "updatedAt"])
      .where("reviewerId", "=", userId)
      .execute(),
    db
      .selectFrom("apiTokens")
      .select(["name", "scope", "expiresAt", "revokedAt", "lastUsedAt", "createdAt"])
      .where("userId", "=", userId)
      .execute(),
    db.selectFrom("oidcIdentities").select(["issuer", "subject", "createdAt"]).where("userId", "=", userId).execute(),
    db
      .selectFrom("webhookEndpoints")
      .select(["url", "description", "events", "createdAt"])
      .where("createdBy", "=", userId)
      .execute(),
  ]);
  return {
    discussionPosts,
    discussionNotices,
    leadReviewerOf: leadOf,
    leadReviewersChosen: leadsDesignated,
    metaReviewsWritten,
    metaReviewsMarkedForRelease: metaReviewsMarked,
    reviewBids,
    apiTokens,
    singleSignOn,
    webhookEndpointsAdded,
  };
}
