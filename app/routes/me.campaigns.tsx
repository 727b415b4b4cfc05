import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { answerAsAlly, listMyAssignments } from "~/campaigns/assignments.server";
import { ASSIGNMENT_STATUS_LABELS, AssignmentAnswerSchema } from "~/campaigns/campaigns.schema";
import { FormErrors, replyErrors } from "~/components/forms";
import { setFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { assignments: await listMyAssignments(context.db, user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: AssignmentAnswerSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { intent, assignmentId, showPublicly } = submission.value;
  if (!assignmentId) badRequest("Choose a campaign.");
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
    result.answer === "accepted" ? `You joined “${result.campaignName}”.` : `You declined “${result.campaignName}”.`;
  return redirect("/me/campaigns", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction = () => [{ title: "Your campaigns — Open Web Fellows" }];

export default function MyCampaignsPage() {
  const { assignments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Your campaigns</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {assignments.length === 0 ? (
        <p>
          No campaign requests yet. Keep your <Link to="/me/profile">profile</Link> and availability up to date so staff
          can find you.
        </p>
      ) : null}
      <ul className="result-list">
        {assignments.map((a) => (
          <li key={a.id} className="card">
            <h2 className="result-name">
              {a.campaignStatus === "planning" ? a.name : <Link to={`/campaigns/${a.slug}`}>{a.name}</Link>}
              <span className="badge">{ASSIGNMENT_STATUS_LABELS[a.status]}</span>
            </h2>
            <p className="muted">
              {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
              {a.needValue ? ` · for ${a.needValue}` : ""}
            </p>
            {a.summary ? <p>{a.summary}</p> : null}
            {a.status === "proposed" ? (
              <Form method="post" className="stack">
                <input type="hidden" name="assignmentId" value={a.id} />
                <label className="choice">
                  <input type="checkbox" name="showPublicly" />
                  Show my name on the campaign&apos;s public page
                </label>
                <div className="actions">
                  <button type="submit" name="intent" value="accept">
                    Accept<span className="visually-hidden"> {a.name}</span>
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary">
                    Decline<span className="visually-hidden"> {a.name}</span>
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
