import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CYCLE_STATUSES, CYCLE_TRANSITIONS, type CycleStatus } from "~/cycles/cycle-status";
import { CycleSettingsSchema } from "~/cycles/cycles.schema";
import { ErrorList, Field, FormErrors } from "./forms";
import { useConformForm } from "./use-conform";

export interface CycleFormValues {
  name: string;
  slug: string;
  description: string;
  opensAt: string;
  closesAt: string;
  timezone: string;
  status: CycleStatus;
  blindReview: boolean;
  reviewersPerApplication: number;
  finalistTarget: number | null;
  reviewDueAt: string | null;
  decisionDelayMinutes: number;
  referencesMin: number;
  referencesMax: number;
  referenceDeadline: string | null;
  loiClosesAt: string | null;
  version: number;
}

/** The settings of a cycle, for creating one (no status) and for editing one. */
export function CycleSettingsForm({
  id,
  defaults,
  lastResult,
  intent,
  submitLabel,
}: {
  id: string;
  defaults?: CycleFormValues;
  lastResult?: SubmissionResult<string[]> | null;
  intent?: string;
  submitLabel: string;
}) {
  const [form, fields] = useConformForm(CycleSettingsSchema, {
    id,
    lastResult,
    defaultValue: defaults
      ? {
          ...defaults,
          blindReview: defaults.blindReview ? "on" : undefined,
          reviewersPerApplication: String(defaults.reviewersPerApplication),
          finalistTarget: defaults.finalistTarget ? String(defaults.finalistTarget) : undefined,
          reviewDueAt: defaults.reviewDueAt ?? undefined,
          decisionDelayMinutes: String(defaults.decisionDelayMinutes),
          referencesMin: String(defaults.referencesMin),
          referencesMax: String(defaults.referencesMax),
          referenceDeadline: defaults.referenceDeadline ?? undefined,
          loiClosesAt: defaults.loiClosesAt ?? undefined,
          version: String(defaults.version),
        }
      : {
          timezone: "America/New_York",
          reviewersPerApplication: "3",
          blindReview: "on",
          decisionDelayMinutes: "10",
          referencesMin: "0",
          referencesMax: "0",
        },
  });
  const statuses = defaults
    ? CYCLE_STATUSES.filter((s) => s === defaults.status || CYCLE_TRANSITIONS[defaults.status].includes(s))
    : [];
  const { key: descriptionKey, ...descriptionProps } = getTextareaProps(fields.description);
  const { key: blindKey, ...blindProps } = getInputProps(fields.blindReview, { type: "checkbox" });
  const { key: statusKey, ...statusProps } = getSelectProps(fields.status);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {defaults ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <Field label="Name" field={fields.name} hint="For example: Open Web Fellows 2027" />
      <Field label="Address" field={fields.slug} hint="Used in links: /cycles/open-web-2027" />
      <div className="field">
        <label htmlFor={fields.description.id}>Description (Markdown)</label>
        <textarea key={descriptionKey} {...descriptionProps} rows={8} />
        <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <Field label="Opens at" field={fields.opensAt} type="datetime-local" hint="In the cycle's time zone" />
      <Field label="Deadline" field={fields.closesAt} type="datetime-local" hint="In the cycle's time zone" />
      <Field label="Time zone" field={fields.timezone} hint="An IANA name such as America/New_York or Africa/Nairobi" />
      {defaults ? (
        <div className="field">
          <label htmlFor={fields.status.id}>Status</label>
          <select key={statusKey} {...statusProps}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
          <p className="hint">An open cycle takes applications between its opening and its deadline, by itself.</p>
          <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
        </div>
      ) : null}
      <div className="field">
        <label className="choice">
          <input key={blindKey} {...blindProps} />
          Blind review: reviewers never see names, emails, links or identifying answers
        </label>
      </div>
      <Field label="Reviewers per application" field={fields.reviewersPerApplication} type="number" />
      <Field label="Finalist target (optional)" field={fields.finalistTarget} type="number" />
      <Field
        label="Reviews due (optional)"
        field={fields.reviewDueAt}
        type="datetime-local"
        hint="Shown to reviewers with each assignment"
      />
      <Field
        label="Minutes released decisions wait before they are sent"
        field={fields.decisionDelayMinutes}
        type="number"
        hint="Until then staff can cancel the release and nothing reaches applicants; 0 sends at once."
      />
      <fieldset className="stack">
        <legend>Letter of intent (optional)</legend>
        <Field
          label="Letters of intent due"
          field={fields.loiClosesAt}
          type="datetime-local"
          hint="In the cycle's time zone. Set, the cycle has two stages: applicants first send a short letter of intent (the questions marked for it), and those you invite then complete the full application, pre-filled, by the deadline above. Empty: one stage."
        />
      </fieldset>
      <fieldset className="stack">
        <legend>Reference letters</legend>
        <Field
          label="Fewest references"
          field={fields.referencesMin}
          type="number"
          hint="An application with fewer received letters shows as incomplete."
        />
        <Field label="Most references" field={fields.referencesMax} type="number" hint="0 asks for none." />
        <Field
          label="Letters due (optional)"
          field={fields.referenceDeadline}
          type="datetime-local"
          hint="In the cycle's time zone; letters may arrive after the application deadline until then. Empty: two weeks after the deadline."
        />
      </fieldset>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
