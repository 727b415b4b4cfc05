import { openApiDocument } from "~/api/openapi";

/** The API's description, public like any API reference: it names shapes, never data. */
export function loader() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
