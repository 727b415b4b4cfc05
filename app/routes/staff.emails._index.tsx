import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StaffNav } from "~/components/staff-nav";
import { OUTBOX_STATUSES } from "~/email/outbox-status";
import { listOutbox } from "~/email/outbox-view.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

const FilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { messages, hasMore } = await listOutbox(context.db, filter);
  return {
    filter,
    hasMore,
    delivering: Boolean(context.config.smtpUrl),
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

export const meta: MetaFunction = () => [{ title: "Emails — Staff — Open Web Fellows" }];

export default function StaffEmailsPage() {
  const { filter, hasMore, messages, delivering } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), page: String(page) })}`;
  return (
    <div className="stack">
      <h1>Emails</h1>
      <StaffNav />
      <p className="muted">
        {delivering
          ? "Messages are delivered over SMTP by the outbox worker."
          : "No SMTP server is configured: messages wait here, and you can read them."}
      </p>
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="status-filter">Status</label>
          <select id="status-filter" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {OUTBOX_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Outgoing email</caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {messages.length === 0 ? (
              <tr>
                <td colSpan={5}>No messages.</td>
              </tr>
            ) : (
              messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt)}</td>
                  <td>{message.recipient}</td>
                  <td>
                    <Link to={`/staff/emails/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td>
                    <span
                      className={`badge${message.status === "failed" ? " badge-danger" : message.status === "sent" ? " badge-success" : ""}`}
                    >
                      {message.status}
                    </span>
                  </td>
                  <td>{message.attempts}</td>
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
