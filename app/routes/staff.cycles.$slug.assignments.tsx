import { parseSubmission } from "~/utils/parse-submission";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { DB } from "#db/client";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { RoundSwitcher, roundPath } from "~/components/round-switcher";
import { requireStaffRound } from "~/review/staff-round.server";
import { AssignmentActionSchema } from "~/review/assignments.schema";
import { assignManually, planAssignment, runAssignment, unassign } from "~/review/assignments.server";
import { assignmentsOverview, readOverviewQuery } from "~/review/assignments-view.server";
import { sendReviewReminders } from "~/review/decisions.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

const REASONS = {
  "not-enough-eligible-reviewers": "not enough reviewers without a conflict",
  "reviewers-at-capacity": "every eligible reviewer is at capacity",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const url = new URL(request.url);
  const query = readOverviewQuery(url);
  // The plan (a min-cost flow over the whole round) takes seconds at thousands of applications:
  // computed only when staff ask for a preview, never on every view of the page.
  const [overview, plan] = await Promise.all([
    assignmentsOverview(context.db, round, query),
    url.searchParams.get("preview") === "1" ? planPreview(context.db, round) : null,
  ]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, status: cycle.status, k: round.reviewersPerApplication },
    rounds: rounds.map(({ position, name }) => ({ position, name })),
    round: { position: round.position, name: round.name },
    ...overview,
    plan,
  };
}

/** What a run would add now, with its optimality figures and the applications it cannot cover. */
async function planPreview(db: DB, round: Parameters<typeof planAssignment>[1]) {
  const plan = await planAssignment(db, round);
  const uncovered = plan.uncovered.slice(0, 100);
  const names = uncovered.length
    ? await db
        .selectFrom("applications")
        .innerJoin("users", "users.id", "applications.applicantId")
        .select(["applications.id", "users.name"])
        .where(
          "applications.id",
          "in",
          uncovered.map((item) => item.applicationId),
        )
        .execute()
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return {
    wouldAdd: plan.added.length,
    reachedK: plan.certificate.coverage.reachedK,
    upperBound: plan.certificate.coverage.upperBound,
    sumSquaredLoads: plan.certificate.objective.sumSquaredLoads,
    expertiseOverlap: plan.certificate.objective.expertiseOverlap,
    checked: plan.check.valid,
    uncoveredCount: plan.uncovered.length,
    uncovered: uncovered.map((item) => ({
      ...item,
      name: nameOf.get(item.applicationId) ?? "",
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
  const data = useLoaderData<typeof loader>();
  const { cycle, rounds, round, figures, run, plan } = data;
  const actionData = useActionData<typeof action>();
  const paged = new URLSearchParams(useLocation().search).has("after");
  const path = `/staff/cycles/${cycle.slug}/assignments`;
  const link = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(rounds.length > 1 ? { round: String(round.position) } : {});
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  const applicationLink = (id: string) => `${path}/${id}${rounds.length > 1 ? `?round=${round.position}` : ""}`;
  const view = data.view;
  const next = view === "reviewers" ? data.reviewers.next : data.applications.next;
  // The list's own parameters, kept by the pager's links.
  const listParams: Record<string, string> = {
    ...(view === "reviewers" ? { view } : {}),
    ...(data.reviewer ? { reviewer: data.reviewer.id } : {}),
  };
  return (
    <div className="stack">
      <h1>{rounds.length > 1 ? `Assignments of ${cycle.name}, ${round.name}` : `Assignments of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={path} rounds={rounds} current={round.position} />
      <FormErrors errors={replyErrors(actionData)} />
      <section className="card" aria-labelledby="run-title">
        <h2 id="run-title">Automatic assignment</h2>
        <p>
          {figures.covered} of {figures.inReview} applications in review have {cycle.k} reviewers; {figures.openSlots}{" "}
          place{figures.openSlots === 1 ? "" : "s"} still open. {figures.submitted} of {figures.assigned} assigned
          reviews are submitted.
        </p>
        {run ? (
          <p>
            Last run <time dateTime={run.at}>{run.at.slice(0, 16).replace("T", " ")} UTC</time>: added {run.added}
            {run.reachedK !== null && run.upperBound !== null
              ? `; ${run.reachedK} applications reached ${cycle.k} (${run.reachedK === run.upperBound ? "the most possible" : `at most ${run.upperBound} might be possible`})`
              : ""}
            {run.certificateValid ? "; its optimality certificate passed the independent check." : "."}
          </p>
        ) : null}
        {plan ? (
          <>
            <p>
              Running assignment now would add {plan.wouldAdd} assignment{plan.wouldAdd === 1 ? "" : "s"}, never to a
              reviewer with a conflict or over capacity; existing assignments stay as they are.
            </p>
            <p>
              The plan is optimal, in this order: the most applications reaching {cycle.k} (
              {plan.reachedK === plan.upperBound
                ? `${plan.reachedK}, the most possible`
                : `${plan.reachedK}; at most ${plan.upperBound} might be possible, but finding that set is intractable`}
              ), the most even loads (sum of squared loads {plan.sumSquaredLoads}), then the most expertise (overlap{" "}
              {plan.expertiseOverlap} tags).{" "}
              {plan.checked
                ? "Its certificate (a minimum cut and dual prices) passed an independent check."
                : "Its certificate did not pass the independent check; please report this."}
            </p>
            {plan.uncoveredCount > 0 ? (
              <>
                <p>
                  {plan.uncoveredCount} cannot reach {cycle.k} reviewers
                  {plan.uncoveredCount > plan.uncovered.length ? ` (the first ${plan.uncovered.length})` : ""}:
                </p>
                <ul>
                  {plan.uncovered.map((item) => (
                    <li key={item.applicationId}>
                      {item.name}: {item.assigned} of {item.needed} — {item.why}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p>
            <Link to={link({ preview: "1" })}>Preview what a run would add</Link>{" "}
            <span className="muted">(plans the whole round: a few seconds for thousands of applications)</span>
          </p>
        )}
        <Form method="post" action={link()} className="actions">
          <button type="submit" name="intent" value="run-assignment" disabled={cycle.status !== "reviewing"}>
            Run assignment
          </button>
          {cycle.status !== "reviewing" ? <span className="muted">Move the cycle to “reviewing” first.</span> : null}
        </Form>
        <Form method="post" action={link()}>
          <button type="submit" name="intent" value="send-reminders" className="secondary">
            Remind everyone with unfinished reviews
          </button>
        </Form>
      </section>
      <nav aria-label="Views of the assignments" className="subnav">
        <ul className="nav-list">
          {(["applications", "reviewers"] as const).map((name) => (
            <li key={name}>
              <Link
                to={link(name === "reviewers" ? { view: name } : {})}
                aria-current={view === name && !data.reviewer ? "page" : undefined}
                className={view === name ? "active" : undefined}
              >
                {name === "applications" ? "By application" : "By reviewer"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.view === "reviewers" ? (
        <ReviewersTable reviewers={data.reviewers.items} linkTo={(id) => link({ reviewer: id })} />
      ) : (
        <>
          {data.reviewer ? (
            <p>
              Only the applications assigned to {data.reviewer.name}. <Link to={link()}>Show all applications</Link>
            </p>
          ) : null}
          <ApplicationsTable
            applications={data.applications.items}
            caption={
              data.reviewer
                ? `Applications assigned to ${data.reviewer.name}`
                : "Applications in review and their reviewers"
            }
            linkTo={applicationLink}
            action={link(data.reviewer ? { reviewer: data.reviewer.id } : {})}
          />
        </>
      )}
      <nav className="pagination" aria-label="Pages">
        {paged ? <Link to={link(listParams)}>First page</Link> : null}
        {next ? <Link to={link({ ...listParams, after: next })}>Next page</Link> : null}
      </nav>
    </div>
  );
}

type Overview = Awaited<ReturnType<typeof assignmentsOverview>>;
type ApplicationRow = Extract<Overview, { view: "applications" }>["applications"]["items"][number];
type ReviewerRow = Extract<Overview, { view: "reviewers" }>["reviewers"]["items"][number];

function ApplicationsTable({
  applications,
  caption,
  linkTo,
  action,
}: {
  applications: SerializeFrom<ApplicationRow>[];
  caption: string;
  linkTo: (id: string) => string;
  action: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Applicant</th>
            <th scope="col">Reviewers</th>
            <th scope="col">Change by hand</th>
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
                        <Form method="post" action={action} className="inline-form">
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
                <Link to={linkTo(application.id)}>
                  Add or replace a reviewer<span className="visually-hidden"> of {application.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReviewersTable({
  reviewers,
  linkTo,
}: {
  reviewers: SerializeFrom<ReviewerRow>[];
  linkTo: (id: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>Reviewers of this round and their progress</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Load</th>
            <th scope="col">Submitted</th>
            <th scope="col">Recused</th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((reviewer) => (
            <tr key={reviewer.id}>
              <td>
                <Link to={linkTo(reviewer.id)} aria-label={`Applications of ${reviewer.name}`}>
                  {reviewer.name}
                </Link>
              </td>
              <td>
                {reviewer.assigned} of {reviewer.capacity}
              </td>
              <td>
                <label htmlFor={`progress-${reviewer.id}`}>
                  {reviewer.submitted} of {reviewer.assigned} submitted
                </label>{" "}
                <progress
                  id={`progress-${reviewer.id}`}
                  max={Math.max(reviewer.assigned, 1)}
                  value={reviewer.submitted}
                />
              </td>
              <td>{reviewer.recused}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
