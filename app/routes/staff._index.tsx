import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { StaffNav } from "~/components/staff-nav";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const counts = await context.db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("users")
        .select(sql<number>`count(*)`.as("n"))
        .where("deletedAt", "is", null)
        .as("users"),
      eb
        .selectFrom("emailOutbox")
        .select(sql<number>`count(*)`.as("n"))
        .where("status", "in", ["pending", "sending"])
        .as("pendingEmails"),
      eb
        .selectFrom("emailOutbox")
        .select(sql<number>`count(*)`.as("n"))
        .where("status", "=", "failed")
        .as("failedEmails"),
    ])
    .executeTakeFirstOrThrow();
  return { counts };
}

export const meta: MetaFunction = () => [{ title: "Staff — Open Web Fellows" }];

export default function StaffHome() {
  const { counts } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Staff</h1>
      <StaffNav />
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/staff/users">Users</Link>
          </h2>
          <p>{counts.users} accounts. Grant or revoke staff access, invite staff.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/staff/emails">Emails</Link>
          </h2>
          <p>
            {counts.pendingEmails} waiting, {counts.failedEmails} failed.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/staff/audit">Audit log</Link>
          </h2>
          <p>Every decision, score, assignment and role change.</p>
        </li>
      </ul>
    </div>
  );
}
