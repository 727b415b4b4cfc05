import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { renderEmail } from "#emails/index";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { cancelSlot } from "~/interviews/bookings.server";
import { HostInterviewSchema } from "~/interviews/interviews.schema";
import {
  addSlots,
  hostSchedule,
  invitationProps,
  inviteFinalists,
  saveInterviewSettings,
  type HostPosition,
} from "~/interviews/slots.server";
import { findPartnerPosition } from "~/matching/partner.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requirePartner } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requirePartner(request, context);
  const position = isUuid(id) ? await findPartnerPosition(context.db, id, user.id) : undefined;
  if (!position) notFound("We could not find that position.");
  const host: HostPosition = {
    id: position.id,
    title: position.title,
    organizationName: position.organizationName,
    interviewTimezone: position.interviewTimezone,
    interviewCutoffHours: position.interviewCutoffHours,
    version: position.version,
  };
  return { user, position: host };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { position } = await load(request, context, params.id);
  const schedule = await hostSchedule(context.db, position.id);
  const preview = await renderEmail(
    "interview-invitation",
    invitationProps(context.config, position, "(the finalist)"),
  );
  const when = (date: Date) => formatDateTime(date, position.interviewTimezone);
  return {
    position,
    preview: { subject: preview.subject, text: preview.text },
    slots: schedule.slots.map((slot) => ({
      id: slot.id,
      when: when(slot.startsAt),
      minutes: slot.minutes,
      capacity: slot.capacity,
      location: slot.location,
      cancelled: slot.cancelledAt !== null,
      cancelMessage: slot.cancelMessage,
      past: slot.past,
      booked: slot.booked,
    })),
    finalists: schedule.finalists.map((finalist) => ({
      ...finalist,
      when: finalist.slotId ? when(schedule.slots.find((slot) => slot.id === finalist.slotId)!.startsAt) : null,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, position } = await load(request, context, params.id);
  const formData = await readFormData(request);
  const target = String(formData.get("slotId") ?? formData.get("intent") ?? "page");
  const submission = parseSubmission(formData, { schema: HostInterviewSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const back = (message: string) =>
    redirectAfterSuccess(context.config, `/partner/positions/${position.id}/interviews`, message);
  if (value.intent === "add-slots") {
    const added = await addSlots(context.db, user.id, position, value);
    if (!added.ok)
      return invalid(
        {
          target,
          result: submission.reply(
            added.field ? { fieldErrors: { [added.field]: [added.message] } } : { formErrors: [added.message] },
          ),
        },
        added.status,
      );
    return back(added.count === 1 ? "1 time added." : `${added.count} times added.`);
  }
  if (value.intent === "save-settings") {
    const saved = await saveInterviewSettings(context.db, user.id, position.id, value);
    if (!saved.ok) return invalid({ target, result: submission.reply({ formErrors: [saved.message] }) }, saved.status);
    return back("Interview settings saved.");
  }
  if (value.intent === "invite-finalists") {
    const invited = await inviteFinalists(context.db, context.config, user.id, position);
    if (!invited.ok)
      return invalid({ target, result: submission.reply({ formErrors: [invited.message] }) }, invited.status);
    return back(
      invited.invited === 0
        ? "Everyone was already invited."
        : `${invited.invited} finalist${invited.invited === 1 ? "" : "s"} invited to book.`,
    );
  }
  const cancelled = await cancelSlot(context.db, context.config, {
    actorId: user.id,
    positionId: position.id,
    slotId: value.slotId,
    message: value.message,
  });
  if (!cancelled.ok)
    return invalid({ target, result: submission.reply({ formErrors: [cancelled.message] }) }, cancelled.status);
  return back("The time is cancelled; anyone booked there has been told.");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Interviews — ${data?.position.title ?? "Position"} — Host partner — Open Web Fellows` },
];

export default function PositionInterviewsPage() {
  const { position, slots, finalists, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  const uninvited = finalists.filter((finalist) => !finalist.invited).length;
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/partner/positions/${position.id}`}>{position.title}</Link> · {position.organizationName}
      </p>
      <h1>Interviews</h1>
      <p>
        Offer times; each finalist this position considers books one in their own time zone and gets a calendar
        invitation (so do you). Times here are in <strong>{position.interviewTimezone}</strong>.
      </p>
      <FormErrors errors={errorsFor("page")} />

      <section aria-labelledby="schedule-title" className="stack">
        <h2 id="schedule-title">Your schedule</h2>
        {slots.length === 0 ? <p>No times yet. Add some below.</p> : null}
        {slots.map((slot) => (
          <article key={slot.id} className="card stack" aria-label={`Time ${slot.when}`}>
            <p>
              <strong>{slot.when}</strong> · {slot.minutes} minutes · {slot.booked.length} of {slot.capacity} booked
              {slot.location ? ` · ${slot.location}` : ""}
              {slot.cancelled ? <span className="badge badge-danger"> Cancelled</span> : null}
              {slot.past && !slot.cancelled ? <span className="badge"> Past</span> : null}
            </p>
            {slot.booked.length > 0 ? (
              <p>Booked: {slot.booked.map((finalist) => finalist.name).join(", ")}</p>
            ) : (
              <p className="muted">Nobody has booked this time.</p>
            )}
            {slot.cancelled && slot.cancelMessage ? (
              <p className="muted">Your message: “{slot.cancelMessage}”</p>
            ) : null}
            {!slot.cancelled && !slot.past ? (
              <details>
                <summary>Cancel this time</summary>
                <Form method="post" className="stack">
                  <FormErrors errors={errorsFor(slot.id)} />
                  <input type="hidden" name="slotId" value={slot.id} />
                  <div className="field">
                    <label htmlFor={`message-${slot.id}`}>Message to the finalists booked here</label>
                    <textarea id={`message-${slot.id}`} name="message" rows={2} required />
                  </div>
                  <button type="submit" name="intent" value="cancel-slot" className="danger">
                    Cancel the time and tell them<span className="visually-hidden"> ({slot.when})</span>
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
      </section>

      <AddSlotsForm lastResult={actionData?.target === "add-slots" ? actionData.result : undefined} />

      <section aria-labelledby="finalists-title" className="card stack">
        <h2 id="finalists-title">Finalists</h2>
        <ul>
          {finalists.map((finalist) => (
            <li key={finalist.id}>
              {finalist.name}: {finalist.when ? `booked ${finalist.when}` : "not booked"}
              {finalist.invited ? "" : " (not invited yet)"}
            </li>
          ))}
        </ul>
        <FormErrors errors={errorsFor("invite-finalists")} />
        {uninvited > 0 ? (
          <>
            <details>
              <summary>Preview the invitation</summary>
              <p>
                <strong>{preview.subject}</strong>
              </p>
              <pre className="email-preview">{preview.text}</pre>
            </details>
            <Form method="post">
              <button type="submit" name="intent" value="invite-finalists">
                Email the {uninvited} finalist{uninvited === 1 ? "" : "s"} not invited yet
              </button>
            </Form>
          </>
        ) : finalists.length > 0 ? (
          <p className="muted">Every finalist has been invited to book.</p>
        ) : null}
      </section>

      <SettingsForm position={position} errors={errorsFor("save-settings")} />
    </div>
  );
}

function AddSlotsForm({ lastResult }: { lastResult: Parameters<typeof useConformForm>[1]["lastResult"] }) {
  const [form, fields] = useConformForm(HostInterviewSchema, {
    id: "add-slots",
    lastResult,
    defaultValue: { minutes: "45", capacity: "1", count: "1" },
  });
  const f = fields as unknown as Record<"startsAt" | "minutes" | "capacity" | "count" | "location", never>;
  return (
    <section aria-labelledby="add-title" className="card stack">
      <h2 id="add-title">Add times</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Starts at" field={f.startsAt} type="datetime-local" />
        <Field label="Length (minutes)" field={f.minutes} type="number" />
        <Field
          label="Finalists per time"
          field={f.capacity}
          type="number"
          hint="More than one makes a group interview."
        />
        <Field
          label="How many times back to back"
          field={f.count}
          type="number"
          hint="For example 4 makes four consecutive times of the length above."
        />
        <Field label="Video link or place" field={f.location} />
        <button type="submit" name="intent" value="add-slots">
          Add
        </button>
      </Form>
    </section>
  );
}

function SettingsForm({
  position,
  errors,
}: {
  position: { interviewTimezone: string; interviewCutoffHours: number; version: number };
  errors: string[] | undefined;
}) {
  return (
    <details className="card">
      <summary>Time zone and cut-off</summary>
      <Form method="post" className="stack">
        <FormErrors errors={errors} />
        <input type="hidden" name="version" value={position.version} />
        <div className="field">
          <label htmlFor="interview-timezone">Your time zone</label>
          <input
            id="interview-timezone"
            name="timezone"
            type="text"
            defaultValue={position.interviewTimezone}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="cutoff-hours">Cut-off (hours before an interview)</label>
          <input
            id="cutoff-hours"
            name="cutoffHours"
            type="number"
            min={0}
            max={336}
            defaultValue={position.interviewCutoffHours}
            aria-describedby="cutoff-hint"
          />
          <p id="cutoff-hint" className="hint">
            Finalists can book, move or cancel until this many hours before the interview.
          </p>
        </div>
        <button type="submit" name="intent" value="save-settings">
          Save
        </button>
      </Form>
    </details>
  );
}
