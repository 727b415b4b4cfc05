import { API_ROUTES } from "~/api/api-routes";
import { directoryApiPage } from "~/api/directory-api.server";
import { apiHandler, readQuery } from "~/api/handler.server";

const route = API_ROUTES.searchDirectory;

export const loader = apiHandler(route, async ({ caller, url, context }) => {
  readQuery(url, route.query);
  return directoryApiPage(context.db, url, caller.roles);
});

export const action = loader;
