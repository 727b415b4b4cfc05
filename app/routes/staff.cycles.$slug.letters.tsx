import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { LetterActionSchema } from "~/applications/loi.schema";
import { inviteLetters } from "~/applications/loi.server";
import { lettersView } from "~/applications/loi-view.server";
import { CycleNav } from "~/components/cycle-nav";
import { ReleaseCard, ReleasePreview } from "~/components/decision-release";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cancelRelease, scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions } from "~/review/decisions.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { parseSubmission } from "~/utils/parse-submission";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  return { cycle: { slug: cycle.slug, name: cycle.name }, ...(await lettersView(context.db, context.config, cycle)) };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: LetterActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "invite") {
    const result = await inviteLetters(context.db, context.config, staff.id, cycle, value.applicationId);
    message = `Invited ${plural(result.invited, "applicant")} to the full application; each gets an email.`;
    if (result.already)
      message += ` ${plural(result.already, "letter")} had been invited already (nothing sent again).`;
    if (result.refused)
      message += ` ${plural(result.refused, "letter")} could not be invited (not submitted, or its “not invited” is being sent).`;
  } else if (value.intent === "release") {
    const released = await scheduleRelease(context.db, context.config, staff.id, cycle);
    if (!released.ok) return invalid(submission.reply({ formErrors: [released.message] }), released.status);
    message = released.sentNow
      ? `Released ${plural(released.decisions, "decision")}; the emails are on their way.`
      : `${plural(released.decisions, "decision")} sending at ${formatTime(released.sendAt, cycle.timezone)}. You can cancel until then.`;
  } else if (value.intent === "cancel-release") {
    const cancelled = await cancelRelease(context.db, staff.id, cycle.id);
    if (!cancelled.ok) return invalid(submission.reply({ formErrors: [cancelled.message] }), cancelled.status);
    message = "Release cancelled: no email was sent, and the letters stay marked.";
  } else {
    const decision = value.intent === "clear" ? null : "not_invited";
    const changed = await setPendingDecisions(context.db, staff.id, cycle.id, value.applicationId, decision);
    message = `${plural(changed, "letter")} ${decision ? "marked not invited" : "unmarked"}; nothing is sent until you release.`;
  }
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/letters`, message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Letters of intent — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function LettersPage() {
  const { cycle, loiDeadline, rows, pending, waiting, preview, delayMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>{`Letters of intent for ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      {loiDeadline === null ? (
        <p className="notice">
          This cycle has one stage. To ask for a letter of intent first, set its deadline in{" "}
          <Link to={`/staff/cycles/${cycle.slug}/settings`}>Settings</Link> and mark its questions in{" "}
          <Link to={`/staff/cycles/${cycle.slug}/questions`}>Questions</Link>.
        </p>
      ) : (
        <p>
          Letters of intent are due {loiDeadline}. Inviting opens the full application at once, pre-filled from the
          letter, and emails the applicant. Those you mark “not invited” hear only when you release, and you can cancel
          a release until its emails leave.
        </p>
      )}
      {rows.length > 0 ? (
        <Form method="post" className="stack">
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Letters of intent</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Applicant</th>
                  <th scope="col">Status</th>
                  <th scope="col">Letter</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {row.status === "loi_submitted" && !row.inRelease ? (
                        <input type="checkbox" name="applicationId" value={row.id} aria-label={`Select ${row.name}`} />
                      ) : null}
                    </td>
                    <td>{row.name}</td>
                    <td>
                      {row.pendingNotInvited
                        ? `Not invited (${row.inRelease && waiting ? `sending at ${waiting.sendAt}` : "marked, not sent"})`
                        : row.invitedAt
                          ? `Invited ${row.invitedAt} · ${APPLICATION_STATUS_LABELS[row.status]}`
                          : APPLICATION_STATUS_LABELS[row.status]}
                    </td>
                    <td>
                      {row.answers.length > 0 ? (
                        <details>
                          <summary>
                            Read<span className="visually-hidden"> the letter of {row.name}</span>
                          </summary>
                          <dl className="answers">
                            {row.answers.map((answer) => (
                              <div key={answer.label}>
                                <dt>{answer.label}</dt>
                                <dd>{answer.answer || "—"}</dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      ) : (
                        <span className="muted">Not submitted</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="invite">
              Invite to the full application
            </button>
            <button type="submit" name="intent" value="mark-not-invited" className="secondary">
              Mark as not invited
            </button>
            <button type="submit" name="intent" value="clear" className="secondary">
              Clear the mark
            </button>
          </div>
        </Form>
      ) : (
        <p>No letter of intent yet.</p>
      )}
      <ReleasePreview groups={preview} />
      <ReleaseCard pending={pending} delayMinutes={delayMinutes} waiting={waiting} />
    </div>
  );
}
