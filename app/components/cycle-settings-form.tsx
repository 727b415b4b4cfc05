import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "~/i18n/message";
import { CYCLE_STATUSES, CYCLE_TRANSITIONS, type CycleStatus } from "~/cycles/cycle-status";
import { CycleSettingsSchema } from "~/cycles/cycles.schema";
import { ErrorList, Field, FormErrors } from "./forms";
import { useConformForm } from "./use-conform";

const STATUS_KEYS: Record<CycleStatus, MessageKey> = {
  draft: "staff.cycleForm.statuses.draft",
  open: "staff.cycleForm.statuses.open",
  closed: "staff.cycleForm.statuses.closed",
  reviewing: "staff.cycleForm.statuses.reviewing",
  matching: "staff.cycleForm.statuses.matching",
  complete: "staff.cycleForm.statuses.complete",
};

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
  const { t } = useTranslation();
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
      <Field label={t("staff.cycleForm.name")} field={fields.name} hint={t("staff.cycleForm.nameHint")} />
      <Field label={t("staff.cycleForm.address")} field={fields.slug} hint={t("staff.cycleForm.addressHint")} />
      <div className="field">
        <label htmlFor={fields.description.id}>{t("staff.cycleForm.description")}</label>
        <textarea key={descriptionKey} {...descriptionProps} rows={8} />
        <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <Field
        label={t("staff.cycleForm.opensAt")}
        field={fields.opensAt}
        type="datetime-local"
        hint={t("staff.cycleForm.inTimeZone")}
      />
      <Field
        label={t("staff.cycleForm.closesAt")}
        field={fields.closesAt}
        type="datetime-local"
        hint={t("staff.cycleForm.inTimeZone")}
      />
      <Field label={t("staff.cycleForm.timezone")} field={fields.timezone} hint={t("staff.cycleForm.timezoneHint")} />
      {defaults ? (
        <div className="field">
          <label htmlFor={fields.status.id}>{t("staff.cycleForm.status")}</label>
          <select key={statusKey} {...statusProps}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_KEYS[status])}
              </option>
            ))}
          </select>
          <p className="hint">{t("staff.cycleForm.statusHint")}</p>
          <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
        </div>
      ) : null}
      <div className="field">
        <label className="choice">
          <input key={blindKey} {...blindProps} />
          {t("staff.cycleForm.blindReview")}
        </label>
      </div>
      <Field
        label={t("staff.cycleForm.reviewersPerApplication")}
        field={fields.reviewersPerApplication}
        type="number"
      />
      <Field label={t("staff.cycleForm.finalistTarget")} field={fields.finalistTarget} type="number" />
      <Field
        label={t("staff.cycleForm.reviewDueAt")}
        field={fields.reviewDueAt}
        type="datetime-local"
        hint={t("staff.cycleForm.reviewDueAtHint")}
      />
      <Field
        label={t("staff.cycleForm.decisionDelay")}
        field={fields.decisionDelayMinutes}
        type="number"
        hint={t("staff.cycleForm.decisionDelayHint")}
      />
      <fieldset className="stack">
        <legend>{t("staff.cycleForm.loi")}</legend>
        <Field
          label={t("staff.cycleForm.loiClosesAt")}
          field={fields.loiClosesAt}
          type="datetime-local"
          hint={t("staff.cycleForm.loiClosesAtHint")}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("staff.cycleForm.references")}</legend>
        <Field
          label={t("staff.cycleForm.referencesMin")}
          field={fields.referencesMin}
          type="number"
          hint={t("staff.cycleForm.referencesMinHint")}
        />
        <Field
          label={t("staff.cycleForm.referencesMax")}
          field={fields.referencesMax}
          type="number"
          hint={t("staff.cycleForm.referencesMaxHint")}
        />
        <Field
          label={t("staff.cycleForm.referenceDeadline")}
          field={fields.referenceDeadline}
          type="datetime-local"
          hint={t("staff.cycleForm.referenceDeadlineHint")}
        />
      </fieldset>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
