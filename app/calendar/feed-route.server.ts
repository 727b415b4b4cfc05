import { msg } from "~/i18n/message";
import { data, type AppLoadContext } from "@remix-run/node";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { currentFeed, feedPath, revokeFeed, rotateFeed } from "./feeds.server";

/** What a page that manages the calendar address shows about it (never the token: it is not kept). */
export async function loadFeed(context: AppLoadContext, userId: string) {
  const feed = await currentFeed(context.db, userId);
  return feed
    ? {
        createdAt: feed.createdAt.toISOString(),
        expiresAt: feed.expiresAt.toISOString(),
        lastUsedAt: feed.lastUsedAt?.toISOString() ?? null,
        expired: feed.expired,
      }
    : null;
}

export type FeedActionData = { feedUrl: string };

/**
 * The calendar address's two forms, on whichever page shows them: a new address (which replaces
 * the old one) is answered in place, since this is the only time it can be shown; turning it off
 * redirects back. Anything else is not a feed form: null.
 */
export async function feedAction(context: AppLoadContext, userId: string, formData: FormData, back: string) {
  const intent = formData.get("intent");
  if (intent === "create-feed") {
    const token = await rotateFeed(context.db, userId);
    return data({ feedUrl: new URL(feedPath(token), context.config.appUrl).toString() } satisfies FeedActionData);
  }
  if (intent === "revoke-feed") {
    const revoked = await revokeFeed(context.db, userId);
    return redirectAfterSuccess(
      context.config,
      back,
      revoked ? msg("calendarFeed.turnedOff") : msg("calendarFeed.hadNone"),
    );
  }
  return null;
}
