import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibleReviewers } from "~/review/reassignment.server";
import { requireRoundApplication, reviewerSearchText } from "~/review/staff-round.server";

/** Suggestions for the reviewer field as staff type (JavaScript on): a capped list of who could take the application. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { round, application } = await requireRoundApplication(request, context, params);
  const q = reviewerSearchText(new URL(request.url));
  return { q, reviewers: await eligibleReviewers(context.db, round, application.id, q) };
}
