import { ApiError } from "~/api/api-error";
import { API_ROUTES } from "~/api/api-routes";
import { assignmentsPage } from "~/api/api-queries.server";
import { apiHandler, notFoundError, readQuery } from "~/api/handler.server";
import { readKeyCursor } from "~/api/keyset.server";
import { proposeAssignment } from "~/campaigns/assignments.server";
import { getCampaignBySlug } from "~/campaigns/campaigns.server";

export const loader = apiHandler(API_ROUTES.listCampaignAssignments, async ({ params, url, context }) => {
  const query = readQuery(url, API_ROUTES.listCampaignAssignments.query);
  const campaign = await getCampaignBySlug(context.db, params.slug ?? "");
  if (!campaign) throw notFoundError("That campaign");
  return assignmentsPage(context.db, campaign.id, { after: readKeyCursor(url), limit: query.limit ?? 50 });
});

export const action = apiHandler(API_ROUTES.proposeCampaignAssignment, async ({ caller, params, body, context }) => {
  const campaign = await getCampaignBySlug(context.db, params.slug ?? "");
  if (!campaign) throw notFoundError("That campaign");
  const result = await proposeAssignment(context.db, context.config, caller.userId, {
    campaignId: campaign.id,
    profileId: body.profileId,
    needId: body.needId,
  });
  if (!result.ok) throw new ApiError(result.status === 404 ? "not_found" : "conflict", result.message);
  return { alreadyProposed: result.alreadyProposed };
});
