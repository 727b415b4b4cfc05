import { Form } from "@remix-run/react";
import { formatDateTime } from "~/utils/format";

export interface FeedView {
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  expired: boolean;
}

/**
 * A person's private calendar address: make one (shown once, since only its hash is kept), make a
 * new one (the old stops working), or turn it off.
 */
export function CalendarFeedSection({ feed, actionData }: { feed: FeedView | null; actionData: unknown }) {
  const feedUrl =
    actionData && typeof actionData === "object" && "feedUrl" in actionData ? String(actionData.feedUrl) : null;
  return (
    <section aria-labelledby="calendar-title" className="card stack">
      <h2 id="calendar-title">Your calendar</h2>
      <p>
        Subscribe to your dates — deadlines, interviews, reviews, reports — in any calendar app with a private address.
        Anyone who has the address can read these dates, so keep it to yourself; make a new one if it leaks.
      </p>
      {feedUrl ? (
        <div className="notice stack" role="status">
          <p>Your new calendar address (copy it now: it will not be shown again):</p>
          <p>
            <label htmlFor="feed-url" className="visually-hidden">
              Calendar address
            </label>
            <input id="feed-url" type="text" readOnly value={feedUrl} className="wide" />
          </p>
        </div>
      ) : null}
      {feed ? (
        <p>
          {feed.expired ? "Your address expired" : "You have an address"}, made {formatDateTime(feed.createdAt)}
          {feed.expired ? "." : `, valid until ${formatDateTime(feed.expiresAt)}`}
          {feed.lastUsedAt ? `; last read ${formatDateTime(feed.lastUsedAt)}.` : "; not read yet."}
        </p>
      ) : (
        <p className="muted">You have no calendar address.</p>
      )}
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="create-feed" className="secondary">
          {feed ? "Make a new address (the old one stops working)" : "Make a calendar address"}
        </button>
        {feed ? (
          <button type="submit" name="intent" value="revoke-feed" className="danger">
            Turn the address off
          </button>
        ) : null}
      </Form>
    </section>
  );
}
