import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAudit } from "~/audit/audit-view.server";
import { StaffNav } from "~/components/staff-nav";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

const FilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { entries, hasMore } = await listAudit(context.db, filter);
  return {
    filter,
    hasMore,
    entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString(), data: JSON.stringify(entry.data) })),
  };
}

export const meta: MetaFunction = () => [{ title: "Audit log — Staff — Open Web Fellows" }];

export default function StaffAuditPage() {
  const { filter, hasMore, entries } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), page: String(page) })}`;
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <StaffNav />
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="action-filter">Action starts with</label>
          <input id="action-filter" type="search" name="action" defaultValue={filter.action ?? ""} />
        </div>
        <button type="submit">Filter</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Audit entries</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5}>No entries.</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actorName ?? "—"}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.subjectType} {entry.subjectId ? <code>{entry.subjectId.slice(0, 8)}</code> : null}
                  </td>
                  <td>
                    <code>{entry.data}</code>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pages">
        {filter.page > 1 ? <Link to={query(filter.page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={query(filter.page + 1)}>Next page</Link> : null}
      </nav>
    </div>
  );
}
