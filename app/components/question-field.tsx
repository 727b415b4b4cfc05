import { getCollectionProps, getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countWords, type Question } from "~/applications/questions";
import { ErrorList } from "./forms";

export interface CurrentFile {
  id: string;
  filename: string;
  sizeBytes: number;
}

/** One question of the application form, labelled, with its help, limits and errors. */
export function QuestionField({
  question,
  field,
  currentFile,
  disabled,
}: {
  question: Question;
  field: FieldMetadata<string | string[] | undefined>;
  currentFile?: CurrentFile | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const helpId = `${field.id}-help`;
  const describedBy = [question.help || question.maxWords ? helpId : null, field.errors?.length ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  const label = (
    <>
      {question.label}
      {question.required ? (
        <span className="required"> {t("apply.question.required")}</span>
      ) : (
        <span className="muted"> {t("apply.question.optional")}</span>
      )}
    </>
  );
  const help =
    question.help || question.maxWords ? (
      <p id={helpId} className="hint">
        {question.help}
        {question.help && question.maxWords ? " " : ""}
        {question.maxWords ? t("apply.question.upToWords", { count: question.maxWords }) : ""}
      </p>
    ) : null;

  if (question.kind === "single_choice" || question.kind === "multi_choice") {
    const type = question.kind === "single_choice" ? "radio" : "checkbox";
    return (
      <fieldset className="field choice-group" aria-describedby={describedBy || undefined} disabled={disabled}>
        <legend className="fieldset-legend">{label}</legend>
        {help}
        {getCollectionProps(field, { type, options: question.options }).map(({ key, ...props }, index) => (
          <label key={key} className="choice">
            <input {...props} aria-describedby={undefined} />
            {question.optionLabels?.[index] ?? props.value}
          </label>
        ))}
        <ErrorList id={field.errorId} errors={field.errors} />
      </fieldset>
    );
  }

  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {help}
      {question.kind === "long_text" ? (
        <LongText field={field} describedBy={describedBy} maxWords={question.maxWords} disabled={disabled} />
      ) : question.kind === "file" ? (
        <>
          {currentFile ? (
            <p className="hint">
              {t("apply.question.currentFile")} <a href={`/files/${currentFile.id}`}>{currentFile.filename}</a> (
              {formatSize(currentFile.sizeBytes)}). {t("apply.question.replaceFile")}
            </p>
          ) : null}
          <input
            id={field.id}
            name={field.name}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={field.errors?.length ? true : undefined}
            aria-describedby={describedBy || undefined}
            disabled={disabled}
          />
        </>
      ) : (
        <input
          {...withoutKey(getInputProps(field, { type: question.kind === "url" ? "url" : "text" }))}
          aria-describedby={describedBy || undefined}
          disabled={disabled}
        />
      )}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}

/** A textarea with a live word count when the question has a limit (JavaScript only; the limit is checked on the server). */
function LongText({
  field,
  describedBy,
  maxWords,
  disabled,
}: {
  field: FieldMetadata<string | string[] | undefined>;
  describedBy: string;
  maxWords: number | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const initial = typeof field.initialValue === "string" ? field.initialValue : "";
  const [words, setWords] = useState(() => countWords(initial));
  const counterId = `${field.id}-count`;
  const over = maxWords !== null && words > maxWords;
  return (
    <>
      <textarea
        {...withoutKey(getTextareaProps(field))}
        aria-describedby={[describedBy, maxWords ? counterId : null].filter(Boolean).join(" ") || undefined}
        onInput={(event) => setWords(countWords(event.currentTarget.value))}
        disabled={disabled}
      />
      {maxWords ? (
        <p id={counterId} className={`word-count${over ? " over" : ""}`} aria-live="polite">
          {t("apply.question.wordCount", { words, max: maxWords })}
          {over ? t("apply.question.tooMany", { count: words - maxWords }) : ""}
        </p>
      ) : null}
    </>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
