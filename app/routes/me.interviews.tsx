import { parseSubmission } from "~/utils/parse-submission";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { feedAction, loadFeed } from "~/calendar/feed-route.server";
import { CalendarFeedSection } from "~/components/calendar-feed";
import { FormErrors, replyErrors } from "~/components/forms";
import { useViewerTimeZone } from "~/components/local-time";
import { bookSlot, cancelBooking } from "~/interviews/bookings.server";
import { finalistInterviews, saveTimezone } from "~/interviews/finalist.server";
import { FinalistInterviewSchema } from "~/interviews/interviews.schema";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [view, feed] = await Promise.all([finalistInterviews(context.db, user.id), loadFeed(context, user.id)]);
  // Times travel as instants; the page writes them in the person's zone and language.
  const when = (date: Date) => date.toISOString();
  return {
    title: await pageTitle(request, context, msg("myInterviews.title")),
    timezone: view.timezone,
    feed,
    positions: view.positions.map((position) => ({
      id: position.id,
      title: position.title,
      organizationName: position.organizationName,
      cycleName: position.cycleName,
      cutoffHours: position.cutoffHours,
      interviewing: position.interviewing,
      booking: position.booking
        ? {
            status: position.booking.status,
            cancelledBy: position.booking.cancelledBy,
            when: when(position.booking.startsAt),
            minutes: position.booking.minutes,
            location: position.booking.location,
            cancelMessage: position.booking.cancelMessage,
            changeable: position.booking.changeable,
          }
        : null,
      slots: position.slots.map((slot) => ({
        id: slot.id,
        when: when(slot.startsAt),
        minutes: slot.minutes,
        location: slot.location,
        placesLeft: slot.placesLeft,
        mine: slot.mine,
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const feed = await feedAction(context, user.id, formData, "/me/interviews");
  if (feed) return feed;
  const target = String(formData.get("positionId") ?? "page");
  const submission = parseSubmission(formData, { schema: FinalistInterviewSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  if (value.intent === "save-timezone") {
    await saveTimezone(context.db, user.id, value.timezone);
    return redirectAfterSuccess(
      context.config,
      "/me/interviews",
      msg("myInterviews.zoneSaved", { zone: value.timezone }),
    );
  }
  const result =
    value.intent === "book"
      ? await bookSlot(context.db, context.config, { applicantId: user.id, slotId: value.slotId })
      : await cancelBooking(context.db, context.config, { applicantId: user.id, positionId: value.positionId });
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  const message =
    value.intent === "cancel-booking"
      ? msg("myInterviews.cancelled")
      : "change" in result && result.change === "moved"
        ? msg("myInterviews.moved")
        : msg("myInterviews.booked");
  return redirectAfterSuccess(context.config, "/me/interviews", message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function MyInterviewsPage() {
  const { positions, timezone, feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const when = (at: string) => format.dateTime(at, timezone);
  const errorsFor = (target: string) =>
    actionData && "target" in actionData && actionData.target === target ? replyErrors(actionData.result) : undefined;
  return (
    <div className="stack">
      <h1>{t("myInterviews.title")}</h1>
      <p>{t("myInterviews.intro")}</p>
      <FormErrors errors={errorsFor("page")} />
      <TimeZoneForm timezone={timezone} />
      {positions.length === 0 ? <p>{t("myInterviews.none")}</p> : null}
      {positions.map((position) => (
        <section key={position.id} className="card stack" aria-labelledby={`interview-${position.id}`}>
          <h2 id={`interview-${position.id}`}>
            {position.title} <span className="muted">· {position.organizationName}</span>
          </h2>
          <FormErrors errors={errorsFor(position.id)} />
          {position.booking?.status === "booked" ? (
            <div className="notice stack">
              <p>
                <Trans
                  i18nKey="myInterviews.yourInterview"
                  count={position.booking.minutes}
                  values={{ when: when(position.booking.when), count: position.booking.minutes }}
                  components={{ strong: <strong /> }}
                />
                {position.booking.location ? ` — ${position.booking.location}` : ""}
              </p>
              {position.booking.changeable ? (
                <Form method="post">
                  <input type="hidden" name="positionId" value={position.id} />
                  <button type="submit" name="intent" value="cancel-booking" className="secondary">
                    {t("myInterviews.cancel")}
                    <span className="visually-hidden">
                      {t("myInterviews.withOrganization", { organization: position.organizationName })}
                    </span>
                  </button>
                </Form>
              ) : (
                <p className="muted">{t("myInterviews.tooClose")}</p>
              )}
            </div>
          ) : position.booking?.cancelledBy === "host" ? (
            <p className="notice">
              {position.booking.cancelMessage
                ? t("myInterviews.hostCancelledWhy", { message: position.booking.cancelMessage })
                : t("myInterviews.hostCancelled")}
            </p>
          ) : null}
          {!position.interviewing ? (
            <p className="muted">{t("myInterviews.closed")}</p>
          ) : position.slots.filter((slot) => !slot.mine).length === 0 ? (
            <p className="muted">{t("myInterviews.noOther")}</p>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="positionId" value={position.id} />
              <fieldset className="choice-group">
                <legend className="fieldset-legend">
                  {position.booking?.status === "booked"
                    ? t("myInterviews.moveLegend", { zone: timezone })
                    : t("myInterviews.chooseLegend", { zone: timezone })}
                </legend>
                {position.slots
                  .filter((slot) => !slot.mine)
                  .map((slot) => (
                    <label key={slot.id} className="choice">
                      <input type="radio" name="slotId" value={slot.id} required />
                      {t("myInterviews.slot", { when: when(slot.when), minutes: slot.minutes, count: slot.placesLeft })}
                      {slot.location ? ` · ${slot.location}` : ""}
                    </label>
                  ))}
              </fieldset>
              <p className="hint">{t("myInterviews.cutoff", { count: position.cutoffHours })}</p>
              <button type="submit" name="intent" value="book">
                {position.booking?.status === "booked" ? t("myInterviews.move") : t("myInterviews.book")}
                <span className="visually-hidden">
                  {t("myInterviews.withOrganization", { organization: position.organizationName })}
                </span>
              </button>
            </Form>
          )}
        </section>
      ))}
      <CalendarFeedSection feed={feed} actionData={actionData} />
    </div>
  );
}

/** The zone times are shown in; with JavaScript, the browser's own zone is one click away. */
function TimeZoneForm({ timezone }: { timezone: string }) {
  const [value, setValue] = useState(timezone);
  const browserZone = useViewerTimeZone();
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline-form card">
      <div className="field">
        <label htmlFor="timezone">{t("myInterviews.timeZone")}</label>
        <input
          id="timezone"
          name="timezone"
          type="text"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          aria-describedby="timezone-hint"
          required
        />
        <p id="timezone-hint" className="hint">
          {t("myInterviews.timeZoneHint")}
        </p>
      </div>
      {browserZone && browserZone !== value ? (
        <button type="button" className="secondary" onClick={() => setValue(browserZone)}>
          {t("myInterviews.useZone", { zone: browserZone })}
        </button>
      ) : null}
      <button type="submit" name="intent" value="save-timezone">
        {t("myInterviews.saveZone")}
      </button>
    </Form>
  );
}
