import type { AppLoadContext } from "@remix-run/node";
import { msg } from "~/i18n/message";
import { notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";
import { getCampaignBySlug } from "./campaigns.server";

/** The staff member and the campaign a /staff/campaigns/:slug page is about (403, or 404 when there is none). */
export async function loadStaffCampaign(request: Request, context: AppLoadContext, slug: string | undefined) {
  const staff = await requireStaff(request, context);
  const campaign = slug ? await getCampaignBySlug(context.db, slug) : undefined;
  if (!campaign) notFound(msg("refusals.campaigns.notFound"));
  return { staff, campaign };
}
