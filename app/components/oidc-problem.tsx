import { Link } from "@remix-run/react";

/** A refused single sign-on: what happened in words, and the ways forward (both work without JavaScript). */
export function OidcProblemPage({ title, message }: { title: string; message: string }) {
  return (
    <div className="narrow stack">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/login">Go to the sign-in page</Link>
      </p>
    </div>
  );
}
