import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { answerByLink, findReplyLink } from "~/campaigns/assignments.server";
import { AssignmentAnswerSchema } from "~/campaigns/campaigns.schema";
import { FormErrors, replyErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

const INVALID = "This link is not valid. Check that you copied all of it, or answer on your campaigns page.";

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
      ? `Thank you! You joined “${result.campaignName}”. The program staff will be in touch.`
      : `You declined “${result.campaignName}”. Thank you for letting us know.`;
  return redirect("/", { headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) } });
}

export const meta: MetaFunction = () => [{ title: "Campaign request — Open Web Fellows" }];

export default function CampaignReplyPage() {
  const { state, status, allyName, campaign, needValue, suggested } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow stack">
      <h1>Join “{campaign.name}”?</h1>
      <p>
        Hello {allyName}. The program staff asked you to join this campaign
        {needValue ? ` for ${needValue}` : ""}, from {formatDate(campaign.startsOn)} to {formatDate(campaign.endsOn)}.
      </p>
      {campaign.summary ? <p className="prose">{campaign.summary}</p> : null}
      <FormErrors errors={replyErrors(actionData)} />
      {state === "used" ? (
        <p className="notice">This link has been used: you {status} already.</p>
      ) : state === "expired" ? (
        <p className="notice notice-warning">
          This link has expired. <Link to="/me/campaigns">Answer on your campaigns page</Link> instead.
        </p>
      ) : (
        <Form method="post" className="stack">
          <label className="choice">
            {/* Being shown publicly is the ally's choice, never a default. */}
            <input type="checkbox" name="showPublicly" />
            Show my name on the campaign&apos;s public page if I accept
          </label>
          <div className="actions">
            <button
              type="submit"
              name="intent"
              value="accept"
              className={suggested === "accept" ? undefined : "secondary"}
            >
              Accept
            </button>
            <button
              type="submit"
              name="intent"
              value="decline"
              className={suggested === "decline" ? undefined : "secondary"}
            >
              Decline
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
