import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "~/i18n/languages";

/**
 * A plain form, so it works without JavaScript: the server keeps the choice (the person's setting,
 * or a cookie for a visitor) and sends the browser back to the page it was on.
 */
export function LanguageSwitcher({
  id,
  current,
  error,
}: {
  /** Unique on the page: the footer and the /language page each have a switcher. */
  id: string;
  current: Language;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname === "/language" ? "/" : `${location.pathname}${location.search}`;
  return (
    <Form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={here} />
      <label htmlFor={id}>{t("language.label")}</label>{" "}
      <select
        id={id}
        name="language"
        defaultValue={current}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>{" "}
      <button type="submit">{t("language.submit")}</button>
      {error ? (
        <p id={`${id}-error`} className="field-errors">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
