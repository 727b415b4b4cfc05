import { randomUUID } from "node:crypto";
import { parseSubmission } from "~/utils/parse-submission";
import type { AppLoadContext } from "@remix-run/node";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { msg } from "~/i18n/message";
import { invalid } from "~/utils/forms.server";
import { forbidden } from "~/utils/http.server";
import { CommentSchema, LeadSchema, MetaReviewReleaseSchema, MetaReviewSchema } from "./discussion.schema";
import { loadDiscussion, postComment, type DiscussionAccess, type DiscussionViewer } from "./discussion.server";
import {
  designateLead,
  leadReviewerOf,
  loadMetaReview,
  markMetaReviewRelease,
  mayWriteMetaReview,
  saveMetaReview,
} from "./meta-reviews.server";

/**
 * The discussion and meta-review panel shared by the reviewer's page and the staff application page:
 * what it shows, and its forms (told apart by `intent`). Each page checks access first and passes
 * the access it found, so both pages apply the same rules.
 */

export const DISCUSSION_INTENTS = ["comment", "meta-review", "meta-review-release", "lead"] as const;

export function isDiscussionIntent(intent: unknown): boolean {
  return DISCUSSION_INTENTS.includes(intent as (typeof DISCUSSION_INTENTS)[number]);
}

export async function discussionPanel(
  context: AppLoadContext,
  access: DiscussionAccess,
  viewer: DiscussionViewer,
  leadChoices: { id: string; label: string }[] = [],
) {
  const [posts, metaReview, lead] = await Promise.all([
    loadDiscussion(context.db, access.applicationId, viewer),
    loadMetaReview(context.db, access.applicationId, viewer),
    leadReviewerOf(context.db, access.applicationId),
  ]);
  const canWrite = await mayWriteMetaReview(context.db, access.applicationId, {
    ...viewer,
    submitted: access.assignmentId !== null,
  });
  return {
    posts,
    open: access.open,
    // A fresh one-time token for each page view: the same post sent twice is stored once.
    token: randomUUID(),
    metaReview,
    canWriteMetaReview: canWrite && access.open,
    isLead: lead === viewer.userId,
    staff: viewer.staff,
    lead: viewer.staff ? { current: lead, choices: leadChoices } : null,
  };
}

export type DiscussionPanel = Awaited<ReturnType<typeof discussionPanel>>;

/** Handles one of the panel's forms: redirects back on success, a 4xx with the form's errors otherwise. */
export async function handleDiscussionForm(
  context: AppLoadContext,
  formData: FormData,
  access: DiscussionAccess,
  viewer: DiscussionViewer,
  backTo: string,
) {
  const intent = formData.get("intent");
  if (intent === "comment") {
    const submission = parseSubmission(formData, { schema: CommentSchema });
    if (submission.status !== "success") return invalid({ form: "comment" as const, result: submission.reply() });
    const result = await postComment(context.db, {
      applicationId: access.applicationId,
      author: viewer,
      body: submission.value.body,
      token: submission.value.token,
    });
    if (!result.ok)
      return invalid(
        { form: "comment" as const, result: submission.reply({ formErrors: [result.message] }) },
        result.status,
      );
    return redirectAfterSuccess(context.config, `${backTo}#discussion`, msg("discussion.posted"));
  }
  if (intent === "meta-review") {
    const submission = parseSubmission(formData, { schema: MetaReviewSchema });
    if (submission.status !== "success") return invalid({ form: "meta-review" as const, result: submission.reply() });
    const result = await saveMetaReview(context.db, {
      applicationId: access.applicationId,
      author: { ...viewer, submitted: access.assignmentId !== null },
      body: submission.value.body,
      version: submission.value.version,
    });
    if (!result.ok)
      return invalid(
        { form: "meta-review" as const, result: submission.reply({ formErrors: [result.message] }) },
        result.status,
      );
    return redirectAfterSuccess(context.config, `${backTo}#meta-review`, msg("discussion.metaReviewSaved"));
  }
  if (!viewer.staff) forbidden(msg("discussion.errors.staffOnly"));
  if (intent === "meta-review-release") {
    const submission = parseSubmission(formData, { schema: MetaReviewReleaseSchema });
    if (submission.status !== "success")
      return invalid({ form: "meta-review-release" as const, result: submission.reply() });
    const release = submission.value.release === "yes";
    const result = await markMetaReviewRelease(context.db, {
      applicationId: access.applicationId,
      staffId: viewer.userId,
      release,
      version: submission.value.version,
    });
    if (!result.ok)
      return invalid(
        { form: "meta-review-release" as const, result: submission.reply({ formErrors: [result.message] }) },
        result.status,
      );
    return redirectAfterSuccess(
      context.config,
      `${backTo}#meta-review`,
      release ? msg("discussion.releasedFlash") : msg("discussion.keptFlash"),
    );
  }
  const submission = parseSubmission(formData, { schema: LeadSchema });
  if (submission.status !== "success") return invalid({ form: "lead" as const, result: submission.reply() });
  const result = await designateLead(context.db, {
    applicationId: access.applicationId,
    staffId: viewer.userId,
    reviewerId: submission.value.reviewerId || null,
  });
  if (!result.ok)
    return invalid(
      { form: "lead" as const, result: submission.reply({ fieldErrors: { reviewerId: [result.message] } }) },
      result.status,
    );
  return redirectAfterSuccess(context.config, `${backTo}#meta-review`, msg("discussion.leadSaved"));
}
