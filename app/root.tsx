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
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { usePageGeneration } from "./components/page-generation";
import { SiteHeader } from "./components/site-header";
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
  return data(
    { user: user ? { name: user.name, roles: user.roles } : null, flash },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootLoaderData = typeof loader;

// Pages set their own titles; an error page (which replaces them) gets this one.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: "Error — Open Web Fellows" }] : []);

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader user={root?.user ?? null} />
        <main id="main" className="container" tabIndex={-1}>
          {root?.flash?.message ? (
            <p className={`flash flash-${root.flash.kind}`} role="status">
              {root.flash.message}
            </p>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Open Web Fellows — a fellowship and network for a healthy, open internet.</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
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
