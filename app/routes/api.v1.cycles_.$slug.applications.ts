import { API_ROUTES } from "~/api/api-routes";
import { applicationsPage } from "~/api/api-queries.server";
import { apiHandler, notFoundError, readQuery } from "~/api/handler.server";
import { readKeyCursor } from "~/api/keyset.server";
import { getCycleBySlug } from "~/cycles/cycles.server";
import type { ApplicationStatus } from "~/applications/application-status";

const route = API_ROUTES.listApplications;

export const loader = apiHandler(route, async ({ params, url, context }) => {
  const query = readQuery(url, route.query);
  const cycle = await getCycleBySlug(context.db, params.slug ?? "");
  if (!cycle) throw notFoundError("That cycle");
  return applicationsPage(context.db, cycle.id, {
    after: readKeyCursor(url),
    limit: query.limit ?? 50,
    status: query.status as ApplicationStatus | undefined,
  });
});

export const action = loader;
