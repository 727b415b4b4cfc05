import { Link, useLocation } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "Page not found",
  405: "Not allowed",
  409: "Someone changed this in the meantime",
  413: "That is too large",
  429: "Too many attempts",
  500: "Something went wrong on our side",
  503: "The portal is briefly unavailable",
};

const DETAILS: Record<number, string> = {
  403: "If you think you should have access, ask the program staff.",
  503: "Please try again in a few seconds.",
};

/** What every error page says: what happened and where to go, never a stack trace. */
export function ErrorPage({ status, message }: { status: number; message?: string | undefined }) {
  const location = useLocation();
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500] : "Something went wrong");
  const detail =
    message ??
    DETAILS[status] ??
    (status >= 500 ? "The problem has been logged. Please try again in a moment." : undefined);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">Error {status}</p>
      <h1 id="error-title">{title}</h1>
      {detail ? <p>{detail}</p> : null}
      {status === 503 ? (
        <p>
          <a href={`${location.pathname}${location.search}`}>Try again</a>
        </p>
      ) : null}
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
