import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { renderEmail } from "#emails/index";
import { Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
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
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requirePartner } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const user = await requirePartner(request, context);
  const position = isUuid(id) ? await findPartnerPosition(context.db, id, user.id) : undefined;
  if (!position) notFound(msg("partnerPositions.errors.positionNotFound"));
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
  // A moment for the page to write in its language, in the position's interview time zone.
  const when = (date: Date) => date.toISOString();
  return {
    title: await pageTitle(
      request,
      context,
      msg("partnerInterviews.title"),
      position.title,
      msg("partnerPositions.area"),
    ),
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
    return back(msg("partnerInterviews.added", { count: added.count }));
  }
  if (value.intent === "save-settings") {
    const saved = await saveInterviewSettings(context.db, user.id, position.id, value);
    if (!saved.ok) return invalid({ target, result: submission.reply({ formErrors: [saved.message] }) }, saved.status);
    return back(msg("partnerInterviews.settingsSaved"));
  }
  if (value.intent === "invite-finalists") {
    const invited = await inviteFinalists(context.db, context.config, user.id, position);
    if (!invited.ok)
      return invalid({ target, result: submission.reply({ formErrors: [invited.message] }) }, invited.status);
    return back(
      invited.invited === 0
        ? msg("partnerInterviews.allInvited")
        : msg("partnerInterviews.invited", { count: invited.invited }),
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
  return back(msg("partnerInterviews.cancelled"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function PositionInterviewsPage() {
  const { position, slots, finalists, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const when = (at: string) => format.dateTime(at, position.interviewTimezone);
  const errorsFor = (target: string) => (actionData?.target === target ? replyErrors(actionData.result) : undefined);
  // A refusal for a form no longer on the page (a time cancelled meanwhile) is shown at the top.
  const shown = new Set(["add-slots", "save-settings", "invite-finalists", ...slots.map((slot) => slot.id)]);
  const pageErrors = actionData && !shown.has(actionData.target) ? replyErrors(actionData.result) : undefined;
  const uninvited = finalists.filter((finalist) => !finalist.invited).length;
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/partner/positions/${position.id}`}>{position.title}</Link> · {position.organizationName}
      </p>
      <h1>{t("partnerInterviews.title")}</h1>
      <p>
        {t("partnerInterviews.intro")}{" "}
        <Trans
          i18nKey="partnerInterviews.timesIn"
          values={{ zone: position.interviewTimezone }}
          components={{ strong: <strong /> }}
        />
      </p>
      <FormErrors errors={pageErrors} />

      <section aria-labelledby="schedule-title" className="stack">
        <h2 id="schedule-title">{t("partnerInterviews.schedule")}</h2>
        {slots.length === 0 ? <p>{t("partnerInterviews.noTimes")}</p> : null}
        {slots.map((slot) => (
          <article
            key={slot.id}
            className="card stack"
            aria-label={t("partnerInterviews.timeLabel", { when: when(slot.when) })}
          >
            <p>
              <strong>{when(slot.when)}</strong> · {t("time.minutes", { count: slot.minutes })} ·{" "}
              {t("partnerInterviews.booked", { count: slot.capacity, booked: slot.booked.length })}
              {slot.location ? ` · ${slot.location}` : ""}
              {slot.cancelled ? (
                <span className="badge badge-danger"> {t("partnerInterviews.cancelledBadge")}</span>
              ) : null}
              {slot.past && !slot.cancelled ? <span className="badge"> {t("partnerInterviews.pastBadge")}</span> : null}
            </p>
            {slot.booked.length > 0 ? (
              <p>
                {t("partnerInterviews.bookedBy", { names: slot.booked.map((finalist) => finalist.name).join(", ") })}
              </p>
            ) : (
              <p className="muted">{t("partnerInterviews.nobody")}</p>
            )}
            {slot.cancelled && slot.cancelMessage ? (
              <p className="muted">{t("partnerInterviews.yourMessage", { message: slot.cancelMessage })}</p>
            ) : null}
            {!slot.cancelled && !slot.past ? (
              <details>
                <summary>{t("partnerInterviews.cancelTime")}</summary>
                <Form method="post" className="stack">
                  <FormErrors errors={errorsFor(slot.id)} />
                  <input type="hidden" name="slotId" value={slot.id} />
                  <div className="field">
                    <label htmlFor={`message-${slot.id}`}>{t("partnerInterviews.messageLabel")}</label>
                    <textarea id={`message-${slot.id}`} name="message" rows={2} required />
                  </div>
                  <button type="submit" name="intent" value="cancel-slot" className="danger">
                    {t("partnerInterviews.cancelAndTell")}
                    <span className="visually-hidden"> ({when(slot.when)})</span>
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
      </section>

      <AddSlotsForm lastResult={actionData?.target === "add-slots" ? actionData.result : undefined} />

      <section aria-labelledby="finalists-title" className="card stack">
        <h2 id="finalists-title">{t("partnerInterviews.finalists")}</h2>
        <ul>
          {finalists.map((finalist) => (
            <li key={finalist.id}>
              {finalist.name}:{" "}
              {finalist.when
                ? t("partnerInterviews.finalistBooked", { when: when(finalist.when) })
                : t("partnerInterviews.notBooked")}
              {finalist.invited ? "" : t("partnerInterviews.notInvited")}
            </li>
          ))}
        </ul>
        <FormErrors errors={errorsFor("invite-finalists")} />
        {uninvited > 0 ? (
          <>
            <details>
              <summary>{t("partnerInterviews.preview")}</summary>
              <p>
                <strong>{preview.subject}</strong>
              </p>
              <pre className="email-preview">{preview.text}</pre>
            </details>
            <Form method="post">
              <button type="submit" name="intent" value="invite-finalists">
                {t("partnerInterviews.emailUninvited", { count: uninvited })}
              </button>
            </Form>
          </>
        ) : finalists.length > 0 ? (
          <p className="muted">{t("partnerInterviews.everyoneInvited")}</p>
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
  const { t } = useTranslation();
  return (
    <section aria-labelledby="add-title" className="card stack">
      <h2 id="add-title">{t("partnerInterviews.addTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("partnerInterviews.startsAt")} field={f.startsAt} type="datetime-local" />
        <Field label={t("partnerInterviews.length")} field={f.minutes} type="number" />
        <Field
          label={t("partnerInterviews.capacity")}
          field={f.capacity}
          type="number"
          hint={t("partnerInterviews.capacityHint")}
        />
        <Field
          label={t("partnerInterviews.count")}
          field={f.count}
          type="number"
          hint={t("partnerInterviews.countHint")}
        />
        <Field label={t("partnerInterviews.location")} field={f.location} />
        <button type="submit" name="intent" value="add-slots">
          {t("partnerInterviews.add")}
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
  const { t } = useTranslation();
  return (
    <details className="card">
      <summary>{t("partnerInterviews.settings")}</summary>
      <Form method="post" className="stack">
        <FormErrors errors={errors} />
        <input type="hidden" name="version" value={position.version} />
        <div className="field">
          <label htmlFor="interview-timezone">{t("partnerInterviews.timeZone")}</label>
          <input
            id="interview-timezone"
            name="timezone"
            type="text"
            defaultValue={position.interviewTimezone}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="cutoff-hours">{t("partnerInterviews.cutoff")}</label>
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
            {t("partnerInterviews.cutoffHint")}
          </p>
        </div>
        <button type="submit" name="intent" value="save-settings">
          {t("partnerInterviews.save")}
        </button>
      </Form>
    </details>
  );
}
