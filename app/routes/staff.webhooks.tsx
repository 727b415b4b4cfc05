import { parseSubmission } from "~/utils/parse-submission";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { StaffNav } from "~/components/staff-nav";
import { formatDateTime } from "~/utils/format";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireStaff } from "~/utils/permissions.server";
import {
  createEndpoint,
  deleteEndpoint,
  listEndpointsWithDeliveries,
  resendDelivery,
  setEndpointActive,
} from "~/webhooks/webhook-endpoints.server";
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "~/webhooks/webhook-events";
import { WebhookActionSchema } from "~/webhooks/webhook.schema";
import { RowAction } from "~/components/row-action";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const endpoints = await listEndpointsWithDeliveries(context.db);
  return {
    endpoints: endpoints.map((endpoint) => ({
      ...endpoint,
      createdAt: endpoint.createdAt.toISOString(),
      deliveries: endpoint.deliveries.map((delivery) => ({
        ...delivery,
        nextAttemptAt: delivery.nextAttemptAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        createdAt: delivery.createdAt.toISOString(),
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: WebhookActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  if (value.intent === "add-endpoint") {
    await createEndpoint(context.db, staff.id, value);
    return redirectAfterSuccess(context.config, "/staff/webhooks", `Endpoint added: ${value.url}`);
  }
  if (value.intent === "resend") {
    const queued = await resendDelivery(context.db, staff.id, value.deliveryId);
    if (!queued) return data({ message: "That delivery does not exist or is being sent right now." }, { status: 404 });
    return redirectAfterSuccess(context.config, "/staff/webhooks", "The delivery will be sent again in a moment.");
  }
  if (value.intent === "set-active") {
    const active = value.active === "true";
    if (!(await setEndpointActive(context.db, staff.id, value.endpointId, active))) {
      return data({ message: "That endpoint does not exist." }, { status: 404 });
    }
    return redirectAfterSuccess(context.config, "/staff/webhooks", active ? "Endpoint turned on." : "Endpoint paused.");
  }
  if (!(await deleteEndpoint(context.db, staff.id, value.endpointId))) {
    return data({ message: "That endpoint does not exist." }, { status: 404 });
  }
  return redirectAfterSuccess(context.config, "/staff/webhooks", "Endpoint removed with its delivery log.");
}

export const meta: MetaFunction = () => [{ title: "Webhooks — Staff — Open Web Fellows" }];

export default function StaffWebhooksPage() {
  const { endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData && "error" in actionData ? actionData : null;
  const message = actionData && "message" in actionData ? String(actionData.message) : null;
  const fieldErrors = (reply?.error ?? {}) as Record<string, string[] | null>;
  return (
    <div className="stack">
      <h1>Webhooks</h1>
      <StaffNav />
      <p>
        Other tools hear about changes here: each event is posted as JSON to the endpoints that asked for it, signed by
        the Standard Webhooks scheme (headers <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
        <code>webhook-signature</code>) with the endpoint&apos;s secret. A receiver that does not answer 2xx within ten
        seconds is tried again later, with growing pauses.
      </p>
      <FormErrors errors={message ? [message] : fieldErrors[""]} />
      {endpoints.length === 0 ? <p className="muted">No endpoints yet.</p> : null}
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} className="card stack" aria-labelledby={`endpoint-${endpoint.id}`}>
          <h2 id={`endpoint-${endpoint.id}`}>
            {endpoint.url} {endpoint.active ? null : <span className="badge">Paused</span>}
          </h2>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <p>Events: {endpoint.events.join(", ")}</p>
          <details>
            <summary>Signing secret</summary>
            <p>
              <code>{endpoint.secret}</code>
            </p>
          </details>
          <Form method="post" className="actions">
            <input type="hidden" name="endpointId" value={endpoint.id} />
            <input type="hidden" name="active" value={endpoint.active ? "false" : "true"} />
            <button type="submit" name="intent" value="set-active" className="secondary">
              {endpoint.active ? "Pause" : "Turn on"}
            </button>
            <button type="submit" name="intent" value="delete-endpoint" className="danger">
              Remove
            </button>
          </Form>
          <div className="table-wrap">
            <table>
              <caption>Newest deliveries</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoint.deliveries.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="muted">
                      Nothing sent yet.
                    </td>
                  </tr>
                ) : null}
                {endpoint.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>{delivery.event}</td>
                    <td>{formatDateTime(delivery.createdAt)}</td>
                    <td>
                      {WEBHOOK_DELIVERY_STATUS_LABELS[delivery.status]}
                      {delivery.status === "pending" && delivery.attempts > 0
                        ? ` (next try ${formatDateTime(delivery.nextAttemptAt)})`
                        : null}
                    </td>
                    <td>{delivery.attempts}</td>
                    <td>{delivery.lastError ?? (delivery.lastStatusCode ? String(delivery.lastStatusCode) : "—")}</td>
                    <td>
                      {delivery.status === "sending" ? null : (
                        <RowAction
                          intent="resend"
                          idField="deliveryId"
                          id={delivery.id}
                          label="Send again"
                          hiddenDetail={` (${delivery.event})`}
                          variant="secondary"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <Form method="post" className="card stack" aria-labelledby="new-endpoint-title">
        <h2 id="new-endpoint-title">Add an endpoint</h2>
        <div className="field">
          <label htmlFor="webhook-url">Receiver&apos;s address</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            placeholder="https://tools.example.org/hooks/fellows"
            aria-invalid={fieldErrors.url ? true : undefined}
            aria-describedby={fieldErrors.url ? "webhook-url-error" : undefined}
          />
          <ErrorList id="webhook-url-error" errors={fieldErrors.url} />
        </div>
        <div className="field">
          <label htmlFor="webhook-description">Description (optional)</label>
          <input id="webhook-description" name="description" maxLength={200} />
          <ErrorList errors={fieldErrors.description} />
        </div>
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="choice">
              <input type="checkbox" name="events" value={event} />
              {WEBHOOK_EVENT_LABELS[event]} <code>{event}</code>
            </label>
          ))}
          <ErrorList errors={fieldErrors.events} />
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="add-endpoint">
            Add the endpoint
          </button>
        </div>
      </Form>
    </div>
  );
}
