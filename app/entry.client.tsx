import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "./i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/languages";

// Hydrate in the language the server rendered (its <html lang>), with that catalog loaded first,
// so the first render matches the server's HTML.
async function hydrate() {
  const rendered = document.documentElement.lang;
  const i18n = await createI18n(isLanguage(rendered) ? rendered : DEFAULT_LANGUAGE);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
