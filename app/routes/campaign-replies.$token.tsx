import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { answerByLink, findReplyLink } from "~/campaigns/assignments.server";
import { AssignmentAnswerSchema } from "~/campaigns/campaigns.schema";
import { FormErrors, replyErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

const INVALID = msg("campaignReply.invalid");

/**
 * The page behind the accept and decline links of a campaign email. Opening it changes nothing
 * (mail scanners open links); the ally confirms with a button. The link itself is the credential:
 * unguessable, stored only as a hash, single use and expiring.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const link = await findReplyLink(context.db, params.token ?? "");
  if (!link) notFound(INVALID);
  const answer = new URL(request.url).searchParams.get("answer");
  return {
    title: await pageTitle(request, context, msg("campaignReply.pageTitle")),
    state: link.state,
    status: link.status,
    allyName: link.displayName,
    campaign: { name: link.campaignName, summary: link.summary, startsOn: link.startsOn, endsOn: link.endsOn },
    needValue: link.needValue,
    suggested: answer === "decline" ? "decline" : "accept",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), { schema: AssignmentAnswerSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent, showPublicly } = submission.value;
  const result = await answerByLink(
    context.db,
    params.token ?? "",
    intent === "accept" ? "accepted" : "declined",
    showPublicly,
  );
  if (!result.ok) {
    if (result.reason === "not-found") notFound(INVALID);
    return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  }
  const message =
    result.answer === "accepted"
      ? msg("campaignReply.joined", { campaign: result.campaignName })
      : msg("campaignReply.declined", { campaign: result.campaignName });
  return redirect("/", { headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function CampaignReplyPage() {
  const { state, status, allyName, campaign, needValue, suggested } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const dates = { name: allyName, start: format.date(campaign.startsOn), end: format.date(campaign.endsOn) };
  return (
    <div className="narrow stack">
      <h1>{t("campaignReply.heading", { campaign: campaign.name })}</h1>
      <p>{needValue ? t("campaignReply.helloFor", { ...dates, need: needValue }) : t("campaignReply.hello", dates)}</p>
      {campaign.summary ? <p className="prose">{campaign.summary}</p> : null}
      <FormErrors errors={replyErrors(actionData)} />
      {state === "used" ? (
        <p className="notice">
          {status === "declined" ? t("campaignReply.usedDeclined") : t("campaignReply.usedAccepted")}
        </p>
      ) : state === "expired" ? (
        <p className="notice notice-warning">
          <Trans i18nKey="campaignReply.expired" components={{ anchor: <Link to="/me/campaigns" /> }} />
        </p>
      ) : (
        <Form method="post" className="stack">
          <label className="choice">
            {/* Being shown publicly is the ally's choice, never a default. */}
            <input type="checkbox" name="showPublicly" />
            {t("campaignReply.showPublicly")}
          </label>
          <div className="actions">
            <button
              type="submit"
              name="intent"
              value="accept"
              className={suggested === "accept" ? undefined : "secondary"}
            >
              {t("campaignReply.accept")}
            </button>
            <button
              type="submit"
              name="intent"
              value="decline"
              className={suggested === "decline" ? undefined : "secondary"}
            >
              {t("campaignReply.decline")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
