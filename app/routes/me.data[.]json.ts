import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMyData } from "~/privacy/export.server";
import { requireUser } from "~/utils/permissions.server";

/** Everything kept about the signed-in person, as a JSON download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const data = await exportMyData(context.db, user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="open-web-fellows-my-data.json"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
