import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";

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
  const { t } = useTranslation();
  const format = useFormat();
  const feedUrl =
    actionData && typeof actionData === "object" && "feedUrl" in actionData ? String(actionData.feedUrl) : null;
  return (
    <section aria-labelledby="calendar-title" className="card stack">
      <h2 id="calendar-title">{t("calendarFeed.title")}</h2>
      <p>{t("calendarFeed.intro")}</p>
      {feedUrl ? (
        <div className="notice stack" role="status">
          <p>{t("calendarFeed.newAddress")}</p>
          <p>
            <label htmlFor="feed-url" className="visually-hidden">
              {t("calendarFeed.addressLabel")}
            </label>
            <input id="feed-url" type="text" readOnly value={feedUrl} className="wide" />
          </p>
        </div>
      ) : null}
      {feed ? (
        <p>
          {feed.expired
            ? t("calendarFeed.expired", { made: format.dateTime(feed.createdAt) })
            : t("calendarFeed.active", {
                made: format.dateTime(feed.createdAt),
                until: format.dateTime(feed.expiresAt),
              })}{" "}
          {feed.lastUsedAt
            ? t("calendarFeed.lastRead", { date: format.dateTime(feed.lastUsedAt) })
            : t("calendarFeed.notRead")}
        </p>
      ) : (
        <p className="muted">{t("calendarFeed.none")}</p>
      )}
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="create-feed" className="secondary">
          {feed ? t("calendarFeed.makeNew") : t("calendarFeed.make")}
        </button>
        {feed ? (
          <button type="submit" name="intent" value="revoke-feed" className="danger">
            {t("calendarFeed.turnOff")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}
