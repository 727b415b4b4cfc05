import { parseSubmission } from "~/utils/parse-submission";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/forms";
import { StaffNav } from "~/components/staff-nav";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
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
import { WEBHOOK_DELIVERY_STATUS_KEYS, WEBHOOK_EVENT_KEYS, WEBHOOK_EVENTS } from "~/webhooks/webhook-events";
import { WebhookActionSchema } from "~/webhooks/webhook.schema";
import { RowAction } from "~/components/row-action";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const endpoints = await listEndpointsWithDeliveries(context.db);
  return {
    title: await pageTitle(request, context, msg("staff.nav.webhooks"), msg("staff.nav.label")),
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
    return redirectAfterSuccess(context.config, "/staff/webhooks", msg("staff.webhooks.added", { url: value.url }));
  }
  if (value.intent === "resend") {
    const queued = await resendDelivery(context.db, staff.id, value.deliveryId);
    if (!queued) return data({ message: msg("staff.webhooks.deliveryMissing") }, { status: 404 });
    return redirectAfterSuccess(context.config, "/staff/webhooks", msg("staff.webhooks.resent"));
  }
  if (value.intent === "set-active") {
    const active = value.active === "true";
    if (!(await setEndpointActive(context.db, staff.id, value.endpointId, active))) {
      return data({ message: msg("staff.webhooks.endpointMissing") }, { status: 404 });
    }
    return redirectAfterSuccess(
      context.config,
      "/staff/webhooks",
      active ? msg("staff.webhooks.turnedOn") : msg("staff.webhooks.paused"),
    );
  }
  if (!(await deleteEndpoint(context.db, staff.id, value.endpointId))) {
    return data({ message: msg("staff.webhooks.endpointMissing") }, { status: 404 });
  }
  return redirectAfterSuccess(context.config, "/staff/webhooks", msg("staff.webhooks.removed"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffWebhooksPage() {
  const { endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData && "error" in actionData ? actionData : null;
  const message = actionData && "message" in actionData ? String(actionData.message) : null;
  const fieldErrors = (reply?.error ?? {}) as Record<string, string[] | null>;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.nav.webhooks")}</h1>
      <StaffNav />
      <p>
        {t("staff.webhooks.intro")} <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
        <code>webhook-signature</code>
        {t("staff.webhooks.introEnd")}
      </p>
      <FormErrors errors={message ? [message] : fieldErrors[""]} />
      {endpoints.length === 0 ? <p className="muted">{t("staff.webhooks.none")}</p> : null}
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} className="card stack" aria-labelledby={`endpoint-${endpoint.id}`}>
          <h2 id={`endpoint-${endpoint.id}`}>
            {endpoint.url} {endpoint.active ? null : <span className="badge">{t("staff.webhooks.pausedBadge")}</span>}
          </h2>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <p>{t("staff.webhooks.eventsList", { events: endpoint.events.join(", ") })}</p>
          <details>
            <summary>{t("staff.webhooks.secret")}</summary>
            <p>
              <code>{endpoint.secret}</code>
            </p>
          </details>
          <Form method="post" className="actions">
            <input type="hidden" name="endpointId" value={endpoint.id} />
            <input type="hidden" name="active" value={endpoint.active ? "false" : "true"} />
            <button type="submit" name="intent" value="set-active" className="secondary">
              {endpoint.active ? t("staff.webhooks.pause") : t("staff.webhooks.turnOn")}
            </button>
            <button type="submit" name="intent" value="delete-endpoint" className="danger">
              {t("staff.campaign.remove")}
            </button>
          </Form>
          <div className="table-wrap">
            <table>
              <caption>{t("staff.webhooks.deliveries")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.webhooks.event")}</th>
                  <th scope="col">{t("staff.emails.queued")}</th>
                  <th scope="col">{t("staff.campaign.status")}</th>
                  <th scope="col">{t("staff.emails.attempts")}</th>
                  <th scope="col">{t("staff.webhooks.lastAnswer")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("staff.campaign.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoint.deliveries.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="muted">
                      {t("staff.webhooks.nothingSent")}
                    </td>
                  </tr>
                ) : null}
                {endpoint.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>{delivery.event}</td>
                    <td>{format.dateTime(delivery.createdAt)}</td>
                    <td>
                      {t(WEBHOOK_DELIVERY_STATUS_KEYS[delivery.status])}
                      {delivery.status === "pending" && delivery.attempts > 0
                        ? t("staff.webhooks.nextTry", { at: format.dateTime(delivery.nextAttemptAt) })
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
                          label={t("staff.webhooks.resend")}
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
        <h2 id="new-endpoint-title">{t("staff.webhooks.addTitle")}</h2>
        <div className="field">
          <label htmlFor="webhook-url">{t("staff.webhooks.url")}</label>
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
          <label htmlFor="webhook-description">{t("staff.webhooks.description")}</label>
          <input id="webhook-description" name="description" maxLength={200} />
          <ErrorList errors={fieldErrors.description} />
        </div>
        <fieldset>
          <legend>{t("staff.webhooks.events.legend")}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="choice">
              <input type="checkbox" name="events" value={event} />
              {t(WEBHOOK_EVENT_KEYS[event])} <code>{event}</code>
            </label>
          ))}
          <ErrorList errors={fieldErrors.events} />
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="add-endpoint">
            {t("staff.webhooks.add")}
          </button>
        </div>
      </Form>
    </div>
  );
}
