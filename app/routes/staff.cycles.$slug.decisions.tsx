import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { ReleaseCard, ReleasePreview } from "~/components/decision-release";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cancelRelease, scheduleRelease } from "~/review/decision-release.server";
import { DecisionActionSchema } from "~/review/decisions.schema";
import { setDecisionFeedback, setPendingDecisions } from "~/review/decisions.server";
import { decisionsView } from "~/review/decisions-view.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, finalistTarget: cycle.finalistTarget },
    ...(await decisionsView(context.db, context.config, cycle)),
  };
}

const DECISION_BY_INTENT = {
  "mark-finalist": "finalist",
  "mark-waitlisted": "waitlisted",
  "mark-not-selected": "not_selected",
  clear: null,
} as const;

/** Statuses a decision is marked on: in review, or on the waitlist (which a later release resolves). */
const decidable = (status: string) => status === "in_review" || status === "waitlisted";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: DecisionActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "release") {
    const released = await scheduleRelease(context.db, context.config, staff.id, cycle);
    if (!released.ok) return invalid(submission.reply({ formErrors: [released.message] }), released.status);
    const count = plural(released.decisions, "decision");
    message = released.sentNow
      ? `Released ${count}; the emails are on their way.`
      : `${count} ${released.decisions === 1 ? "is" : "are"} sending at ${formatTime(released.sendAt, cycle.timezone)}. You can cancel until then.`;
  } else if (value.intent === "cancel-release") {
    const cancelled = await cancelRelease(context.db, staff.id, cycle.id);
    if (!cancelled.ok) return invalid(submission.reply({ formErrors: [cancelled.message] }), cancelled.status);
    message = "Release cancelled: no email was sent, and the decisions stay marked.";
  } else if (value.intent === "feedback") {
    const saved = await setDecisionFeedback(context.db, staff.id, cycle.id, value.applicationId, value.feedback);
    if (!saved)
      return invalid(submission.reply({ formErrors: ["That application is not waiting for a decision."] }), 404);
    message = "Feedback saved.";
  } else {
    const decision = DECISION_BY_INTENT[value.intent];
    const changed = await setPendingDecisions(context.db, staff.id, cycle.id, value.applicationId, decision);
    message = `${plural(changed, "application")} marked; nothing is sent until you release the decisions.`;
  }
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/decisions`, message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Decisions — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

const fixed = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits));

export default function DecisionsPage() {
  const { cycle, rows, rounds, pending, finalists, waiting, preview, delayMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const undecided = rows.filter((row) => decidable(row.status));
  return (
    <div className="stack">
      <h1>{`Decisions for ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      <p>
        {finalists} finalist{finalists === 1 ? "" : "s"} so far
        {cycle.finalistTarget ? ` (target ${cycle.finalistTarget})` : ""}. Mark applications below; nothing reaches
        applicants until you release the decisions.
      </p>
      <Form method="post" className="stack">
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Applications in review, best first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Applicant</th>
                {rounds > 1 ? <th scope="col">Furthest round</th> : null}
                <th scope="col">Calibrated</th>
                <th scope="col">Raw</th>
                <th scope="col">Reviews</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {decidable(row.status) && !row.inRelease ? (
                      <input type="checkbox" name="applicationId" value={row.id} aria-label={`Select ${row.name}`} />
                    ) : null}
                  </td>
                  <td>{row.name}</td>
                  {rounds > 1 ? <td>{row.round}</td> : null}
                  <td>{fixed(row.calibrated)}</td>
                  <td>{fixed(row.raw)}</td>
                  <td>{row.reviews}</td>
                  <td>
                    {row.pendingDecision && decidable(row.status)
                      ? `${row.status === "waitlisted" ? "Waitlisted (released), then " : ""}${APPLICATION_STATUS_LABELS[row.pendingDecision]} (${row.inRelease && waiting ? `sending at ${waiting.sendAt}` : "pending"})`
                      : row.status !== "in_review"
                        ? `${APPLICATION_STATUS_LABELS[row.status]} (released)`
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="mark-finalist">
            Mark as finalists
          </button>
          <button type="submit" name="intent" value="mark-waitlisted" className="secondary">
            Mark as waitlisted
          </button>
          <button type="submit" name="intent" value="mark-not-selected" className="secondary">
            Mark as not selected
          </button>
          <button type="submit" name="intent" value="clear" className="secondary">
            Clear the mark
          </button>
        </div>
      </Form>
      {undecided.some((row) => row.pendingDecision && !row.inRelease) ? (
        <section aria-labelledby="feedback-title" className="stack">
          <h2 id="feedback-title">Feedback to send (optional)</h2>
          <p className="muted">
            Approve an excerpt of the reviewers’ comments to go with each decision. Reviewers are never named.
          </p>
          {undecided
            .filter((row) => row.pendingDecision && !row.inRelease)
            .map((row) => (
              <Form method="post" key={row.id} className="card">
                <input type="hidden" name="applicationId" value={row.id} />
                <label htmlFor={`feedback-${row.id}`}>Feedback for {row.name}</label>
                {row.comments.length > 0 ? (
                  <details>
                    <summary>Reviewers’ comments</summary>
                    <ul>
                      {row.comments.map((comment, index) => (
                        <li key={index}>{comment}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                <textarea id={`feedback-${row.id}`} name="feedback" rows={2} defaultValue={row.feedback ?? ""} />
                <button type="submit" name="intent" value="feedback" className="secondary">
                  Save feedback<span className="visually-hidden"> for {row.name}</span>
                </button>
              </Form>
            ))}
        </section>
      ) : null}
      <ReleasePreview groups={preview} />
      <ReleaseCard pending={pending} delayMinutes={delayMinutes} waiting={waiting} />
    </div>
  );
}
