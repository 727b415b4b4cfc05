import { API_ROUTES } from "~/api/api-routes";
import { reviewsPage } from "~/api/api-queries.server";
import { apiHandler, notFoundError, readQuery } from "~/api/handler.server";
import { readKeyCursor } from "~/api/keyset.server";
import { getCycleBySlug } from "~/cycles/cycles.server";

const route = API_ROUTES.exportReviews;

export const loader = apiHandler(route, async ({ caller, params, url, context }) => {
  const query = readQuery(url, route.query);
  const cycle = await getCycleBySlug(context.db, params.slug ?? "");
  if (!cycle) throw notFoundError("That cycle");
  return reviewsPage(context.db, caller.userId, cycle.id, { after: readKeyCursor(url), limit: query.limit ?? 50 });
});

export const action = loader;
