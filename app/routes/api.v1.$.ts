import { ApiError, apiErrorResponse } from "~/api/api-error";

/** An address under /api/v1 that names nothing: the API's error shape, not the site's page. */
function notFound() {
  return apiErrorResponse(new ApiError("not_found", "There is no such API address; see /api/v1/openapi.json."));
}

export const loader = notFound;
export const action = notFound;
