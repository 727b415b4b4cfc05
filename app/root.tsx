import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "./components/error-page";
import { LanguageSwitcher } from "./components/language-switcher";
import { usePageGeneration } from "./components/page-generation";
import { SiteHeader } from "./components/site-header";
import { switchLanguage } from "./i18n/i18n";
import { requestLanguage } from "./i18n/language.server";
import { DEFAULT_LANGUAGE, textDirection, type Language } from "./i18n/languages";
import { useMessage } from "./i18n/message";
import { readFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";
import { getOptionalUser } from "./utils/permissions.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, { flash, setCookie }] = await Promise.all([
    getOptionalUser(request, context),
    readFlash(request, context.config),
  ]);
  const lang = await requestLanguage(request, context.config, user);
  return data(
    { user: user ? { name: user.name, roles: user.roles } : null, flash, lang },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootLoaderData = typeof loader;

// Pages set their own titles; an error page (which replaces them) gets this one.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: "Error — Open Web Fellows" }] : []);

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  const lang = root?.lang ?? DEFAULT_LANGUAGE;
  const { t } = useFollowLanguage(lang);
  const message = useMessage();
  return (
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <SiteHeader user={root?.user ?? null} />
        <main id="main" className="container" tabIndex={-1}>
          {root?.flash?.message ? (
            <p className={`flash flash-${root.flash.kind}`} role="status">
              {message(root.flash.message)}
            </p>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("footer")}</p>
            <LanguageSwitcher id="footer-language" current={lang} />
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** After the switcher, the browser's i18next follows the language the server now answers in. */
function useFollowLanguage(lang: Language) {
  const translation = useTranslation();
  const { i18n } = translation;
  useEffect(() => {
    if (i18n.language !== lang) void switchLanguage(i18n, lang);
  }, [i18n, lang]);
  return translation;
}

export default function App() {
  const { flash } = useLoaderData<typeof loader>();
  return <Outlet key={usePageGeneration(flash?.id)} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      (error.status < 500 || error.status === 503) &&
      error.data &&
      typeof error.data === "object" &&
      "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : undefined;
    return <ErrorPage status={error.status} message={message} />;
  }
  return <ErrorPage status={500} />;
}
