import type { LoaderFunctionArgs } from "@remix-run/node";
import { bodyVisibleToStaff, getOutboxMessage } from "~/email/outbox-view.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireStaff } from "~/utils/permissions.server";

// The message as its recipient's mail client would show it, sandboxed: no scripts, no forms,
// no requests beyond inline images, as if from another origin.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  if (!isUuid(params.id)) notFound();
  const message = await getOutboxMessage(context.db, params.id);
  if (!message || !bodyVisibleToStaff(message.template)) notFound();
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      "Cache-Control": "no-store",
    },
  });
}
