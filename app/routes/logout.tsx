import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, endRequestSession } from "~/auth/session.server";

// Signing out changes state, so it is a POST (the header's button); a GET just goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await endRequestSession(context.db, context.config, request);
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie(context.config) } });
}
