import { API_ROUTES } from "~/api/api-routes";
import { campaignsPage } from "~/api/api-queries.server";
import { apiHandler, readQuery } from "~/api/handler.server";
import { readKeyCursor } from "~/api/keyset.server";

const route = API_ROUTES.listCampaigns;

export const loader = apiHandler(route, async ({ url, context }) => {
  const query = readQuery(url, route.query);
  return campaignsPage(context.db, { after: readKeyCursor(url), limit: query.limit ?? 50 });
});

export const action = loader;
