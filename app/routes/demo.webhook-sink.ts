import type { ActionFunctionArgs } from "@remix-run/node";
import { isSignedForDemoSink } from "~/webhooks/demo-sink.server";

/** The demo's webhook receiver (see demo-sink.server.ts): 204 for a signed delivery, 401 otherwise. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.config.demoDatabase) return new Response("Not found", { status: 404 });
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const body = await request.text();
  const signed = await isSignedForDemoSink(
    context.db,
    context.config.appUrl,
    body,
    Object.fromEntries(request.headers),
  );
  return new Response(null, { status: signed ? 204 : 401 });
}

export function loader() {
  return new Response("Not found", { status: 404 });
}
