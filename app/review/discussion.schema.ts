import { z } from "zod";

/** Posting to an application's discussion. `token` is the form's one-time id: a resubmit posts once. */
export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string({ error: "Write something to post" })
    .trim()
    .min(1, "Write something to post")
    .max(4000, "Use at most 4,000 characters"),
  token: z.uuid({ error: "Reload the page and post again" }),
});

/** Writing or changing the meta-review; `version` is the one the form was loaded with. */
export const MetaReviewSchema = z.object({
  intent: z.literal("meta-review"),
  body: z
    .string({ error: "Write the meta-review" })
    .trim()
    .min(1, "Write the meta-review")
    .max(6000, "Use at most 6,000 characters"),
  version: z.coerce.number({ error: "Reload the page" }).int().min(0),
});

/** Staff mark (or unmark) the meta-review to go to the applicant with the decision. */
export const MetaReviewReleaseSchema = z.object({
  intent: z.literal("meta-review-release"),
  release: z.enum(["yes", "no"], { error: "Choose whether the applicant receives it" }),
  version: z.coerce.number({ error: "Reload the page" }).int().min(1),
});

/** Staff choose the lead reviewer of an application (empty: none). */
export const LeadSchema = z.object({
  intent: z.literal("lead"),
  reviewerId: z.union([z.uuid({ error: "Choose a reviewer of this application" }), z.literal("")]).default(""),
});
