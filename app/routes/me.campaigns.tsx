import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { answerAsAlly, listMyAssignments } from "~/campaigns/assignments.server";
import { AssignmentAnswerSchema, type ASSIGNMENT_STATUS_LABELS } from "~/campaigns/campaigns.schema";
import { FormErrors, replyErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { invalid, readFormData } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const STATUS_KEYS: Record<keyof typeof ASSIGNMENT_STATUS_LABELS, MessageKey> = {
  proposed: "myCampaigns.status.proposed",
  accepted: "myCampaigns.status.accepted",
  declined: "myCampaigns.status.declined",
  completed: "myCampaigns.status.completed",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    title: await pageTitle(request, context, msg("myCampaigns.title")),
    assignments: await listMyAssignments(context.db, user.id),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: AssignmentAnswerSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent, assignmentId, showPublicly } = submission.value;
  if (!assignmentId) badRequest(msg("myCampaigns.chooseCampaign"));
  const result = await answerAsAlly(
    context.db,
    user.id,
    assignmentId,
    intent === "accept" ? "accepted" : "declined",
    showPublicly,
  );
  if (!result.ok) {
    if (result.status === 404) notFound(result.message);
    return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  }
  const message =
    result.answer === "accepted"
      ? msg("myCampaigns.joined", { campaign: result.campaignName })
      : msg("myCampaigns.declined", { campaign: result.campaignName });
  return redirect("/me/campaigns", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function MyCampaignsPage() {
  const { assignments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("myCampaigns.title")}</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {assignments.length === 0 ? (
        <p>
          <Trans i18nKey="myCampaigns.none" components={{ anchor: <Link to="/me/profile" /> }} />
        </p>
      ) : null}
      <ul className="result-list">
        {assignments.map((a) => (
          <li key={a.id} className="card">
            <h2 className="result-name">
              {a.campaignStatus === "planning" ? a.name : <Link to={`/campaigns/${a.slug}`}>{a.name}</Link>}
              <span className="badge">{t(STATUS_KEYS[a.status])}</span>
            </h2>
            <p className="muted">
              {format.date(a.startsOn)} – {format.date(a.endsOn)}
              {a.needValue ? ` · ${t("myCampaigns.forNeed", { need: a.needValue })}` : ""}
            </p>
            {a.summary ? <p>{a.summary}</p> : null}
            {a.status === "proposed" ? (
              <Form method="post" className="stack">
                <input type="hidden" name="assignmentId" value={a.id} />
                <label className="choice">
                  <input type="checkbox" name="showPublicly" />
                  {t("myCampaigns.showPublicly")}
                </label>
                <div className="actions">
                  <button type="submit" name="intent" value="accept">
                    {t("campaignReply.accept")}
                    <span className="visually-hidden"> {a.name}</span>
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary">
                    {t("campaignReply.decline")}
                    <span className="visually-hidden"> {a.name}</span>
                  </button>
                </div>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
