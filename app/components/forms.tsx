import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";

/**
 * A field's (or form's) messages, in the page's language: schemas and refusals carry message keys
 * (`msg` in app/i18n/message.ts), translated here in the browser and on the server alike.
 */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | undefined | null }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{message(error)}</li>
      ))}
    </ul>
  );
}

type InputType = "text" | "email" | "password" | "search" | "url" | "number" | "date" | "datetime-local" | "tel";

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field<T>({
  label,
  field,
  type = "text",
  hint,
  inputProps,
}: {
  label: ReactNode;
  field: FieldMetadata<T>;
  type?: InputType;
  hint?: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errorId = field.errors?.length ? field.errorId : undefined;
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        key={key}
        {...props}
        {...inputProps}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A labelled textarea, with its hint and errors tied to it like Field's. */
export function TextAreaField<T>({
  label,
  field,
  hint,
  rows = 4,
}: {
  label: ReactNode;
  field: FieldMetadata<T>;
  hint?: ReactNode;
  rows?: number;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errorId = field.errors?.length ? field.errorId : undefined;
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        key={key}
        rows={rows}
        {...props}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors about the whole form (e.g. "wrong email or password"), announced when they appear. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | undefined | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-errors" role="alert">
      <ErrorList errors={errors} />
    </div>
  );
}

/** Every message of a submission reply, for forms whose fields are hidden (buttons with an intent). */
export function replyErrors(reply: { error?: Record<string, string[] | null> | null } | undefined | null): string[] {
  if (!reply?.error) return [];
  return Object.values(reply.error).flatMap((messages) => messages ?? []);
}

/** The code from an email: a numeric keyboard, filled in from the message where the device can. */
export function EmailedCodeField<T>({ field }: { field: FieldMetadata<T> }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("forms.code")}
      field={field}
      inputProps={{ inputMode: "numeric", autoComplete: "one-time-code", maxLength: 12 }}
    />
  );
}
