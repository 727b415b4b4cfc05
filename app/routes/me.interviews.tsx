import { parseSubmission } from "~/utils/parse-submission";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { feedAction, loadFeed } from "~/calendar/feed-route.server";
import { CalendarFeedSection } from "~/components/calendar-feed";
import { FormErrors, replyErrors } from "~/components/forms";
import { useViewerTimeZone } from "~/components/local-time";
import { bookSlot, cancelBooking } from "~/interviews/bookings.server";
import { finalistInterviews, saveTimezone } from "~/interviews/finalist.server";
import { FinalistInterviewSchema } from "~/interviews/interviews.schema";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [view, feed] = await Promise.all([finalistInterviews(context.db, user.id), loadFeed(context, user.id)]);
  const when = (date: Date) => formatDateTime(date, view.timezone);
  return {
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
    return redirectAfterSuccess(context.config, "/me/interviews", `Times are now shown in ${value.timezone}.`);
  }
  const result =
    value.intent === "book"
      ? await bookSlot(context.db, context.config, { applicantId: user.id, slotId: value.slotId })
      : await cancelBooking(context.db, context.config, { applicantId: user.id, positionId: value.positionId });
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  const message =
    value.intent === "cancel-booking"
      ? "Your interview is cancelled. The host has been told."
      : "change" in result && result.change === "moved"
        ? "Your interview is moved. You and the host get an updated calendar invitation."
        : "Your interview is booked. You and the host get a calendar invitation by email.";
  return redirectAfterSuccess(context.config, "/me/interviews", message);
}

export const meta: MetaFunction = () => [{ title: "Your interviews — Open Web Fellows" }];

export default function MyInterviewsPage() {
  const { positions, timezone, feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) =>
    actionData && "target" in actionData && actionData.target === target ? replyErrors(actionData.result) : undefined;
  return (
    <div className="stack">
      <h1>Your interviews</h1>
      <p>
        Hosts that consider you for a position offer interview times here. Book one per position before the ranking
        deadline; you can move or cancel it until the host&apos;s cut-off.
      </p>
      <FormErrors errors={errorsFor("page")} />
      <TimeZoneForm timezone={timezone} />
      {positions.length === 0 ? <p>No position is considering you for an interview right now.</p> : null}
      {positions.map((position) => (
        <section key={position.id} className="card stack" aria-labelledby={`interview-${position.id}`}>
          <h2 id={`interview-${position.id}`}>
            {position.title} <span className="muted">· {position.organizationName}</span>
          </h2>
          <FormErrors errors={errorsFor(position.id)} />
          {position.booking?.status === "booked" ? (
            <div className="notice stack">
              <p>
                <strong>Your interview:</strong> {position.booking.when} ({position.booking.minutes} minutes)
                {position.booking.location ? ` — ${position.booking.location}` : ""}
              </p>
              {position.booking.changeable ? (
                <Form method="post">
                  <input type="hidden" name="positionId" value={position.id} />
                  <button type="submit" name="intent" value="cancel-booking" className="secondary">
                    Cancel this interview<span className="visually-hidden"> with {position.organizationName}</span>
                  </button>
                </Form>
              ) : (
                <p className="muted">It is too close to the interview to change it here; write to the host.</p>
              )}
            </div>
          ) : position.booking?.cancelledBy === "host" ? (
            <p className="notice">
              The host cancelled your interview
              {position.booking.cancelMessage ? `: “${position.booking.cancelMessage}”` : "."} Please choose another
              time.
            </p>
          ) : null}
          {!position.interviewing ? (
            <p className="muted">Interviews for this position are closed.</p>
          ) : position.slots.filter((slot) => !slot.mine).length === 0 ? (
            <p className="muted">No other times are open right now. The host may add more.</p>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="positionId" value={position.id} />
              <fieldset className="choice-group">
                <legend className="fieldset-legend">
                  {position.booking?.status === "booked" ? "Move to another time" : "Choose a time"} (in {timezone})
                </legend>
                {position.slots
                  .filter((slot) => !slot.mine)
                  .map((slot) => (
                    <label key={slot.id} className="choice">
                      <input type="radio" name="slotId" value={slot.id} required />
                      {slot.when} · {slot.minutes} minutes · {slot.placesLeft} place{slot.placesLeft === 1 ? "" : "s"}{" "}
                      left{slot.location ? ` · ${slot.location}` : ""}
                    </label>
                  ))}
              </fieldset>
              <p className="hint">
                You can move or cancel until {position.cutoffHours} hour{position.cutoffHours === 1 ? "" : "s"} before
                the interview.
              </p>
              <button type="submit" name="intent" value="book">
                {position.booking?.status === "booked" ? "Move my interview" : "Book this time"}
                <span className="visually-hidden"> with {position.organizationName}</span>
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
  return (
    <Form method="post" className="inline-form card">
      <div className="field">
        <label htmlFor="timezone">Your time zone</label>
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
          An IANA name such as Africa/Lagos or America/Santiago.
        </p>
      </div>
      {browserZone && browserZone !== value ? (
        <button type="button" className="secondary" onClick={() => setValue(browserZone)}>
          Use {browserZone}
        </button>
      ) : null}
      <button type="submit" name="intent" value="save-timezone">
        Save the time zone
      </button>
    </Form>
  );
}
