import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/language-switcher";
import { createI18n } from "~/i18n/i18n";
import { LanguageSchema } from "~/i18n/language.schema";
import { languageCookieHeader, requestLanguage, saveLanguageChoice } from "~/i18n/language.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import type { RootLoaderData } from "~/root";
import { invalid, parseForm } from "~/utils/forms.server";
import { getOptionalUser } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";

// The switcher in every page's footer posts here; visited directly, the page shows the switcher alone.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request, context);
  const { submission } = await parseForm(request, LanguageSchema);
  if (submission.status !== "success") {
    const i18n = await createI18n(await requestLanguage(request, context.config, user));
    return invalid({ error: i18n.t("language.invalid") });
  }
  const { language, redirectTo } = submission.value;
  if (user) await saveLanguageChoice(context.db, user.id, language);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await languageCookieHeader(context.config, language) },
  });
}

export const meta: MetaFunction = () => [{ title: "Language — Open Web Fellows" }];

export default function LanguagePage() {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootLoaderData>("root");
  const failed = useActionData<typeof action>();
  return (
    <div className="narrow stack">
      <h1>{t("language.label")}</h1>
      <LanguageSwitcher id="language" current={root?.lang ?? DEFAULT_LANGUAGE} error={failed?.error} />
    </div>
  );
}
