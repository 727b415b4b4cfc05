import { getFormProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUSES, CampaignSchema } from "~/campaigns/campaigns.schema";
import { LANGUAGES } from "~/network/taxonomy";
import { ErrorList, Field, FormErrors } from "./forms";
import { useConformForm } from "./use-conform";

export interface CampaignFormValues {
  name: string;
  slug: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  status: string;
  languages: string[];
  timezone: string;
  version: number;
}

/** A campaign's details, for creating one and for editing one (with its version). */
export function CampaignForm({
  id,
  defaults,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaults?: CampaignFormValues;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const [form, fields] = useConformForm(CampaignSchema, {
    id,
    lastResult,
    defaultValue: defaults
      ? { ...defaults, version: String(defaults.version) }
      : { timezone: "UTC", status: "planning" },
  });
  const { key: summaryKey, ...summaryProps } = getTextareaProps(fields.summary);
  const { key: statusKey, ...statusProps } = getSelectProps(fields.status);
  const chosen = (fields.languages.initialValue ?? []) as string[] | string;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save-campaign" />
      {defaults ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <Field label="Name" field={fields.name} hint="For example: Stand Up for Encryption" />
      <Field label="Address" field={fields.slug} hint="Used in links: /campaigns/encrypt" />
      <div className="field">
        <label htmlFor={fields.summary.id}>Summary</label>
        <textarea key={summaryKey} {...summaryProps} rows={4} />
        <ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
      </div>
      <Field label="Starts on" field={fields.startsOn} type="date" />
      <Field label="Ends on" field={fields.endsOn} type="date" />
      <div className="field">
        <label htmlFor={fields.status.id}>Status</label>
        <select key={statusKey} {...statusProps}>
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CAMPAIGN_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <p className="hint">Active and closed campaigns have a public page.</p>
      </div>
      <Field
        label="Core time zone"
        field={fields.timezone}
        hint="Where most of the work happens, e.g. Europe/Brussels"
      />
      <fieldset className="choice-group">
        <legend className="fieldset-legend">Working languages</legend>
        <div className="checkbox-grid">
          {LANGUAGES.map((language) => (
            <label key={language} className="choice">
              <input
                type="checkbox"
                name={fields.languages.name}
                value={language}
                defaultChecked={Array.isArray(chosen) ? chosen.includes(language) : chosen === language}
              />
              {language}
            </label>
          ))}
        </div>
        <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
      </fieldset>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
