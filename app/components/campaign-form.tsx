import { getFormProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CAMPAIGN_STATUSES, CampaignSchema } from "~/campaigns/campaigns.schema";
import type { MessageKey } from "~/i18n/message";
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

/** What a campaign's status reads in the page's language. */
export const CAMPAIGN_STATUS_KEYS: Record<(typeof CAMPAIGN_STATUSES)[number], MessageKey> = {
  planning: "staff.campaignStatus.planning",
  active: "staff.campaignStatus.active",
  closed: "staff.campaignStatus.closed",
};

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
  const { t } = useTranslation();
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
      <Field label={t("staff.campaignForm.name")} field={fields.name} hint={t("staff.campaignForm.nameHint")} />
      <Field label={t("staff.campaignForm.address")} field={fields.slug} hint={t("staff.campaignForm.addressHint")} />
      <div className="field">
        <label htmlFor={fields.summary.id}>{t("staff.campaignForm.summary")}</label>
        <textarea key={summaryKey} {...summaryProps} rows={4} />
        <ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
      </div>
      <Field label={t("staff.campaignForm.startsOn")} field={fields.startsOn} type="date" />
      <Field label={t("staff.campaignForm.endsOn")} field={fields.endsOn} type="date" />
      <div className="field">
        <label htmlFor={fields.status.id}>{t("staff.campaignForm.status")}</label>
        <select key={statusKey} {...statusProps}>
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(CAMPAIGN_STATUS_KEYS[status])}
            </option>
          ))}
        </select>
        <p className="hint">{t("staff.campaignForm.statusHint")}</p>
      </div>
      <Field
        label={t("staff.campaignForm.timezone")}
        field={fields.timezone}
        hint={t("staff.campaignForm.timezoneHint")}
      />
      <fieldset className="choice-group">
        <legend className="fieldset-legend">{t("staff.campaignForm.languages")}</legend>
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
