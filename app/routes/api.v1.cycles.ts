import { API_ROUTES } from "~/api/api-routes";
import { cyclesPage } from "~/api/api-queries.server";
import { apiHandler, readQuery } from "~/api/handler.server";
import { readKeyCursor } from "~/api/keyset.server";

const route = API_ROUTES.listCycles;

export const loader = apiHandler(route, async ({ caller, url, context }) => {
  const query = readQuery(url, route.query);
  return cyclesPage(context.db, {
    after: readKeyCursor(url),
    limit: query.limit ?? 50,
    includeDrafts: caller.roles.includes("staff"),
  });
});

export const action = loader;
