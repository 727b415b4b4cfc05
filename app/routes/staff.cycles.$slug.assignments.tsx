import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { RoundSwitcher, roundPath } from "~/components/round-switcher";
import { requireStaffRound } from "~/review/staff-round.server";
import { AssignmentActionSchema } from "~/review/assignments.schema";
import { assignManually, coverage, planAssignment, runAssignment, unassign } from "~/review/assignments.server";
import { sendReviewReminders } from "~/review/decisions.server";
import { reviewerProgress } from "~/review/ranking.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

const REASONS = {
  "not-enough-eligible-reviewers": "not enough reviewers without a conflict",
  "reviewers-at-capacity": "every eligible reviewer is at capacity",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const [applications, plan, progress] = await Promise.all([
    coverage(context.db, round),
    planAssignment(context.db, round),
    reviewerProgress(context.db, round),
  ]);
  const names = new Map(applications.map((application) => [application.id, application.name]));
  return {
    cycle: { slug: cycle.slug, name: cycle.name, status: cycle.status, k: round.reviewersPerApplication },
    rounds: rounds.map(({ position, name }) => ({ position, name })),
    round: { position: round.position, name: round.name },
    applications,
    reviewers: progress,
    wouldAdd: plan.added.length,
    proof: {
      reachedK: plan.certificate.coverage.reachedK,
      upperBound: plan.certificate.coverage.upperBound,
      sumSquaredLoads: plan.certificate.objective.sumSquaredLoads,
      expertiseOverlap: plan.certificate.objective.expertiseOverlap,
      checked: plan.check.valid,
    },
    uncovered: plan.uncovered.map((item) => ({
      ...item,
      name: names.get(item.applicationId) ?? "",
      why: REASONS[item.reason],
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: AssignmentActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "run-assignment") {
    const result = await runAssignment(context.db, context.config, staff.id, cycle, round);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = `Added ${result.added} assignment${result.added === 1 ? "" : "s"}${result.uncovered.length ? `; ${result.uncovered.length} application(s) could not be fully covered` : ""}.`;
  } else if (value.intent === "send-reminders") {
    const sent = await sendReviewReminders(context.db, context.config, staff.id, cycle);
    message = `Sent ${sent} reminder${sent === 1 ? "" : "s"}.`;
  } else {
    const result =
      value.intent === "assign"
        ? await assignManually(
            context.db,
            context.config,
            staff.id,
            cycle,
            value.applicationId,
            value.reviewerId,
            round,
          )
        : await unassign(context.db, staff.id, cycle.id, value.assignmentId);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = value.intent === "assign" ? "Reviewer assigned." : "Assignment removed.";
  }
  return redirect(roundPath(`/staff/cycles/${cycle.slug}/assignments`, round, rounds), {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Assignments — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function AssignmentsPage() {
  const { cycle, rounds, round, applications, reviewers, wouldAdd, proof, uncovered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const covered = applications.filter(
    (application) => application.assignments.filter((a) => a.status !== "recused").length >= cycle.k,
  ).length;
  return (
    <div className="stack">
      <h1>{rounds.length > 1 ? `Assignments of ${cycle.name}, ${round.name}` : `Assignments of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={`/staff/cycles/${cycle.slug}/assignments`} rounds={rounds} current={round.position} />
      <FormErrors errors={replyErrors(actionData)} />
      <section className="card" aria-labelledby="run-title">
        <h2 id="run-title">Automatic assignment</h2>
        <p>
          {covered} of {applications.length} applications in review have {cycle.k} reviewers. Running assignment now
          would add {wouldAdd} assignment{wouldAdd === 1 ? "" : "s"}, never to a reviewer with a conflict or over
          capacity; existing assignments stay as they are.
        </p>
        <p>
          The plan is optimal, in this order: the most applications reaching {cycle.k} (
          {proof.reachedK === proof.upperBound
            ? `${proof.reachedK}, the most possible`
            : `${proof.reachedK}; at most ${proof.upperBound} might be possible, but finding that set is intractable`}
          ), the most even loads (sum of squared loads {proof.sumSquaredLoads}), then the most expertise (overlap{" "}
          {proof.expertiseOverlap} tags).{" "}
          {proof.checked
            ? "Its certificate (a minimum cut and dual prices) passed an independent check."
            : "Its certificate did not pass the independent check; please report this."}
        </p>
        {uncovered.length > 0 ? (
          <>
            <p>These cannot reach {cycle.k} reviewers:</p>
            <ul>
              {uncovered.map((item) => (
                <li key={item.applicationId}>
                  {item.name}: {item.assigned} of {item.needed} — {item.why}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="run-assignment" disabled={cycle.status !== "reviewing"}>
            Run assignment
          </button>
          {cycle.status !== "reviewing" ? <span className="muted">Move the cycle to “reviewing” first.</span> : null}
        </Form>
      </section>
      <section aria-labelledby="progress-title" className="stack">
        <h2 id="progress-title">Reviewer progress</h2>
        <ul className="cards">
          {reviewers.map((reviewer) => (
            <li key={reviewer.id} className="card">
              <strong>{reviewer.name}</strong>
              <br />
              <label htmlFor={`progress-${reviewer.id}`}>
                {reviewer.submitted} of {reviewer.assigned} submitted
              </label>
              <progress
                id={`progress-${reviewer.id}`}
                max={Math.max(reviewer.assigned, 1)}
                value={reviewer.submitted}
              />
            </li>
          ))}
        </ul>
        <Form method="post">
          <button type="submit" name="intent" value="send-reminders" className="secondary">
            Remind everyone with unfinished reviews
          </button>
        </Form>
      </section>
      <div className="table-wrap">
        <table>
          <caption>Applications in review and their reviewers</caption>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Reviewers</th>
              <th scope="col">Assign by hand</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <td>{application.name}</td>
                <td>
                  <ul className="plain-list">
                    {application.assignments.map((assignment) => (
                      <li key={assignment.id}>
                        {assignment.reviewerName} <span className="badge">{assignment.status}</span>
                        {assignment.status === "recused" && assignment.recusalReason ? (
                          <span className="muted"> — {assignment.recusalReason}</span>
                        ) : null}
                        {assignment.status === "assigned" ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="assignmentId" value={assignment.id} />
                            <button type="submit" name="intent" value="unassign" className="link-button">
                              Unassign
                              <span className="visually-hidden">
                                {" "}
                                {assignment.reviewerName} from {application.name}
                              </span>
                            </button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Form method="post" className="inline-fields">
                    <input type="hidden" name="applicationId" value={application.id} />
                    <label className="visually-hidden" htmlFor={`reviewer-${application.id}`}>
                      Reviewer for {application.name}
                    </label>
                    <select id={`reviewer-${application.id}`} name="reviewerId">
                      {reviewers
                        .filter(
                          (reviewer) =>
                            !application.assignments.some((assignment) => assignment.reviewerId === reviewer.id),
                        )
                        .map((reviewer) => (
                          <option key={reviewer.id} value={reviewer.id}>
                            {reviewer.name}
                          </option>
                        ))}
                    </select>
                    <button type="submit" name="intent" value="assign" className="secondary">
                      Assign<span className="visually-hidden"> to {application.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
