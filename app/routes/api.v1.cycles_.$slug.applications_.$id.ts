import { API_ROUTES } from "~/api/api-routes";
import { applicationWithHistory } from "~/api/api-queries.server";
import { apiHandler, notFoundError } from "~/api/handler.server";
import { getCycleBySlug } from "~/cycles/cycles.server";
import { isUuid } from "~/utils/http.server";

export const loader = apiHandler(API_ROUTES.getApplication, async ({ params, context }) => {
  const cycle = await getCycleBySlug(context.db, params.slug ?? "");
  if (!cycle) throw notFoundError("That cycle");
  const application = isUuid(params.id) ? await applicationWithHistory(context.db, cycle.id, params.id) : null;
  if (!application) throw notFoundError("That application");
  return application;
});

export const action = loader;
