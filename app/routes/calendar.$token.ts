import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedEvents } from "~/calendar/feed-events.server";
import { resolveFeed } from "~/calendar/feeds.server";
import { feedIcs } from "~/calendar/ics";
import { methodNotAllowed, notFound } from "~/utils/http.server";

/**
 * A private calendar feed: the address is the credential (calendar apps cannot sign in). An
 * unknown, revoked or expired address answers 404, like any address that names nothing.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = /^(.+)\.ics$/.exec(params.token ?? "")?.[1];
  const feed = token ? await resolveFeed(context.db, token) : null;
  if (!feed) notFound("There is no calendar at this address.");
  const body = feedIcs("Open Web Fellows", await feedEvents(context.db, context.config, feed.userId));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="open-web-fellows.ics"',
      "Cache-Control": "private, no-store",
      // The address is a secret: never pass it on to another site.
      "Referrer-Policy": "no-referrer",
    },
  });
}

export function action() {
  methodNotAllowed();
}
