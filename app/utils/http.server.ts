import { data, type HeadersFunction } from "@remix-run/node";
import { msg } from "~/i18n/message";

/** Thrown by loaders and actions; the root error boundary shows the page for the status. */
export function notFound(message = msg("schemas.http.notFound")): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = msg("schemas.http.forbidden")): never {
  throw data({ message }, { status: 403 });
}

export function badRequest(message = msg("schemas.http.badRequest")): never {
  throw data({ message }, { status: 400 });
}

export function methodNotAllowed(): never {
  throw data({ message: msg("schemas.http.methodNotAllowed") }, { status: 405 });
}

/** Answers an unknown `intent` of a page with several forms. */
export function unknownIntent(): never {
  badRequest(msg("forms.errors.unknownAction"));
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** For a route whose action may answer 429: the page keeps the action's Retry-After. */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** A 429 with the reply the form shows and the Retry-After browsers and clients read. */
export function tooMany<T>(reply: T, retryAfterSeconds: number) {
  return data(reply, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}
