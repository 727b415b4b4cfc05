import { z } from "zod";
import { msg } from "~/i18n/message";

/** Posting to an application's discussion. `token` is the form's one-time id: a resubmit posts once. */
export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string({ error: msg("discussion.errors.writeSomething") })
    .trim()
    .min(1, msg("discussion.errors.writeSomething"))
    .max(4000, msg("forms.errors.maxChars", { count: 4000 })),
  token: z.uuid({ error: msg("discussion.errors.reload") }),
});

/** Writing or changing the meta-review; `version` is the one the form was loaded with. */
export const MetaReviewSchema = z.object({
  intent: z.literal("meta-review"),
  body: z
    .string({ error: msg("discussion.errors.writeMetaReview") })
    .trim()
    .min(1, msg("discussion.errors.writeMetaReview"))
    .max(6000, msg("forms.errors.maxChars", { count: 6000 })),
  version: z.coerce
    .number({ error: msg("discussion.errors.reloadPage") })
    .int()
    .min(0),
});

/** Staff mark (or unmark) the meta-review to go to the applicant with the decision. */
export const MetaReviewReleaseSchema = z.object({
  intent: z.literal("meta-review-release"),
  release: z.enum(["yes", "no"], { error: msg("discussion.errors.chooseRelease") }),
  version: z.coerce
    .number({ error: msg("discussion.errors.reloadPage") })
    .int()
    .min(1),
});

/** Staff choose the lead reviewer of an application (empty: none). */
export const LeadSchema = z.object({
  intent: z.literal("lead"),
  reviewerId: z.union([z.uuid({ error: msg("discussion.errors.chooseReviewer") }), z.literal("")]).default(""),
});
