import { msg } from "~/i18n/message";
import { notFound } from "~/utils/http.server";

// Any path no other route matches. Throwing here lets the root error boundary draw the 404 page.
export function loader(): never {
  notFound(msg("pageNotFound.message"));
}

export function action(): never {
  notFound(msg("pageNotFound.message"));
}

export default function NotFound() {
  return null;
}
