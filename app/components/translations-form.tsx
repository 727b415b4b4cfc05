import { getFormProps, type getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ContentTranslations } from "#db/types";
import { translatedLanguages } from "~/i18n/content";
import { TranslationSchema } from "~/i18n/content.schema";
import { useMessage } from "~/i18n/message";
import { LANGUAGE_NAMES, LANGUAGES, textDirection, type Language } from "~/i18n/languages";
import { Field, FormErrors, TextAreaField } from "./forms";
import { useConformForm } from "./use-conform";

export type TranslationFieldName = "label" | "help" | "options" | "reason" | "description" | "summary";

export interface TranslationFieldSpec {
  name: TranslationFieldName;
  /** The field's label: a `msg(…)` key, or words not yet keyed (shown as they are). */
  label: string;
  /** The original text, shown beside the field so the translator sees what they translate. */
  original: string;
  multiline?: boolean;
}

/** The action reply a page hands back, tied to one item and language. */
export type TranslationReply = { target: string; result: SubmissionResult<string[]> } | undefined;

export function translationTarget(itemId: string, language: Language): string {
  return `translate:${itemId}:${language}`;
}

/** Which languages an item is translated into, as staff and reviewers read it beside the original. */
export function TranslationStatus({ translations }: { translations: ContentTranslations }) {
  const { t } = useTranslation();
  const languages = translatedLanguages(translations);
  return (
    <span className="muted">
      {languages.length
        ? t("staff.translations.translated", { languages: languages.map((l) => LANGUAGE_NAMES[l]).join(", ") })
        : t("staff.translations.none")}
    </span>
  );
}

/**
 * The "Translations" of one staff-written item: a small form per language (JavaScript on or off),
 * each showing what the server holds. An empty field falls back to the original.
 */
export function TranslationsForm({
  itemId,
  itemName,
  fields,
  translations,
  reply,
}: {
  itemId: string;
  /** Names the item for screen readers ("Translations of …"): a `msg(…)` key, or staff-written words. */
  itemName: string;
  fields: TranslationFieldSpec[];
  translations: ContentTranslations;
  reply: TranslationReply;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  return (
    <details className="translations">
      <summary>
        {t("staff.translations.summary")}
        <span className="visually-hidden"> {t("staff.translations.of", { item: message(itemName) })}</span> ·{" "}
        <TranslationStatus translations={translations} />
      </summary>
      {LANGUAGES.map((language) => (
        <LanguageForm
          key={language}
          itemId={itemId}
          language={language}
          fields={fields}
          stored={translations[language] ?? {}}
          lastResult={reply?.target === translationTarget(itemId, language) ? reply.result : undefined}
        />
      ))}
    </details>
  );
}

function LanguageForm({
  itemId,
  language,
  fields,
  stored,
  lastResult,
}: {
  itemId: string;
  language: Language;
  fields: TranslationFieldSpec[];
  stored: Record<string, string | string[]>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form, conformFields] = useConformForm(TranslationSchema, {
    id: `translate-${itemId}-${language}`,
    lastResult,
    defaultValue: Object.fromEntries(
      fields.map(({ name }) => {
        const value = stored[name];
        return [name, Array.isArray(value) ? value.join("\n") : (value ?? "")];
      }),
    ),
  });
  const f = conformFields as unknown as Record<TranslationFieldName, Parameters<typeof getInputProps>[0]>;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <fieldset>
        <legend lang={language} dir={textDirection(language)}>
          {LANGUAGE_NAMES[language]}
        </legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="translate" />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="language" value={language} />
        {fields.map((spec) =>
          spec.multiline || spec.name === "options" ? (
            <TextAreaField
              key={spec.name}
              label={message(spec.label)}
              field={f[spec.name]}
              hint={<span dir="auto">{t("staff.translations.original", { text: spec.original || "—" })}</span>}
              rows={spec.name === "options" ? 3 : 4}
            />
          ) : (
            <Field
              key={spec.name}
              label={message(spec.label)}
              field={f[spec.name]}
              hint={<span dir="auto">{t("staff.translations.original", { text: spec.original || "—" })}</span>}
            />
          ),
        )}
      </fieldset>
      <div className="actions">
        <button type="submit">{t("staff.translations.save", { language: LANGUAGE_NAMES[language] })}</button>
      </div>
    </Form>
  );
}
