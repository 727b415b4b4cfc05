import { notFound } from "~/utils/http.server";

// Any path no other route matches. Throwing here lets the root error boundary draw the 404 page.
export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
