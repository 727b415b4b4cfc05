import { getFormProps } from "@conform-to/react";
import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { BID_KEYS, BIDS } from "~/review/bids";
import { BidsSchema } from "~/review/bids.schema";
import { biddableApplications, biddingCycle, saveBids } from "~/review/bids.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

async function load(request: Request, context: LoaderFunctionArgs["context"], cycleId: string | undefined) {
  const user = await requireUser(request, context);
  const cycle = isUuid(cycleId) ? await biddingCycle(context.db, cycleId, user.id) : null;
  // Not on the panel, or not in review: answers like a missing page.
  if (!cycle) notFound(msg("reviewQueue.errors.panelNotFound"));
  return { user, cycle };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, cycle } = await load(request, context, params.cycleId);
  const applications = await biddableApplications(context.db, cycle, user.id);
  return {
    title: await pageTitle(request, context, msg("reviewBids.pageTitle", { cycle: cycle.name })),
    cycle: { id: cycle.id, name: cycle.name, blind: cycle.blind },
    applications,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, cycle } = await load(request, context, params.cycleId);
  const submission = parseSubmission(await readFormData(request), { schema: BidsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await saveBids(
    context.db,
    cycle,
    user.id,
    submission.value.bids.map((row) => ({ applicationId: row.applicationId, bid: row.bid ?? null })),
  );
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirectAfterSuccess(context.config, `/review/bids/${cycle.id}`, msg("reviewBids.saved"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function BidsPage() {
  const { cycle, applications } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = useMessage();
  const [form, fields] = useConformForm(BidsSchema, {
    id: `bids-${cycle.id}`,
    lastResult,
    defaultValue: {
      bids: applications.map((application) => ({ applicationId: application.id, bid: application.bid ?? "" })),
    },
  });
  const rows = fields.bids.getFieldList();
  return (
    <div className="stack">
      <p className="muted">{cycle.name}</p>
      <h1>{t("reviewBids.title")}</h1>
      <p>
        {t("reviewBids.intro")}
        {cycle.blind ? ` ${t("reviewBids.blind")}` : ""}
      </p>
      {applications.length === 0 ? (
        <p>{t("reviewBids.none")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <table>
            <caption className="visually-hidden">{t("reviewBids.caption", { cycle: cycle.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reviewQueue.application")}</th>
                <th scope="col">{t("reviewBids.topics")}</th>
                <th scope="col">{t("reviewBids.yourBid")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application, index) => {
                const row = rows[index]?.getFieldset();
                const bidField = row?.bid;
                const selectId = `bid-${application.id}`;
                return (
                  <tr key={application.id}>
                    <td>
                      {message(application.label)}
                      {application.assigned ? <span className="muted">{t("reviewBids.assigned")}</span> : null}
                    </td>
                    <td>{application.topics.length ? application.topics.join(", ") : "—"}</td>
                    <td>
                      <input type="hidden" name={`bids[${index}].applicationId`} value={application.id} />
                      <label htmlFor={selectId} className="visually-hidden">
                        {t("reviewBids.bidOn", { label: message(application.label) })}
                      </label>
                      <select
                        id={selectId}
                        name={`bids[${index}].bid`}
                        defaultValue={application.bid ?? ""}
                        aria-invalid={bidField?.errors?.length ? true : undefined}
                        aria-describedby={bidField?.errors?.length ? bidField.errorId : undefined}
                      >
                        <option value="">{t("reviewBids.noBid")}</option>
                        {BIDS.map((bid) => (
                          <option key={bid} value={bid}>
                            {t(BID_KEYS[bid])}
                          </option>
                        ))}
                      </select>
                      <ErrorList id={bidField?.errorId} errors={bidField?.errors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="actions">
            <button type="submit">{t("reviewBids.save")}</button>
          </div>
        </Form>
      )}
      <p>
        <Link to="/review">{t("reviewBids.back")}</Link>
      </p>
    </div>
  );
}
