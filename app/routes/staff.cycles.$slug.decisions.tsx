import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { DecisionActionSchema } from "~/review/decisions.schema";
import { releaseDecisions, setDecisionFeedback, setPendingDecisions } from "~/review/decisions.server";
import { cycleRanking } from "~/review/ranking.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { groupBy } from "~/utils/group-by";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const [ranking, details] = await Promise.all([
    cycleRanking(context.db, cycle),
    context.db
      .selectFrom("applications")
      .select(["id", "decisionFeedback"])
      .where("cycleId", "=", cycle.id)
      .where("status", "=", "in_review")
      .execute(),
  ]);
  const comments = await context.db
    .selectFrom("reviews")
    .innerJoin("reviewAssignments", "reviewAssignments.id", "reviews.assignmentId")
    .select(["reviewAssignments.applicationId", "reviews.overallComment"])
    .where("reviewAssignments.cycleId", "=", cycle.id)
    .where("reviews.submittedAt", "is not", null)
    .where("reviews.overallComment", "!=", "")
    .execute();
  const feedback = new Map(details.map((row) => [row.id, row.decisionFeedback]));
  const commentsByApplication = groupBy(comments, (comment) => comment.applicationId);
  const rows = ranking.applications.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    pendingDecision: row.pendingDecision,
    raw: row.score?.rawMean ?? null,
    calibrated: row.score?.score ?? null,
    reviews: row.score?.reviewCount ?? 0,
    feedback: feedback.get(row.id) ?? null,
    comments: (commentsByApplication.get(row.id) ?? []).map((comment) => comment.overallComment),
  }));
  return {
    cycle: { slug: cycle.slug, name: cycle.name, finalistTarget: cycle.finalistTarget },
    rows,
    pending: rows.filter((row) => row.status === "in_review" && row.pendingDecision).length,
    finalists: rows.filter((row) => row.status === "finalist" || row.pendingDecision === "finalist").length,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseWithZod(await readFormData(request), { schema: DecisionActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "release") {
    const released = await releaseDecisions(context.db, context.config, staff.id, cycle);
    message = `Released ${released} decision${released === 1 ? "" : "s"}; the emails are on their way.`;
  } else if (value.intent === "feedback") {
    const saved = await setDecisionFeedback(context.db, staff.id, cycle.id, value.applicationId, value.feedback);
    if (!saved)
      return invalid(submission.reply({ formErrors: ["That application is not waiting for a decision."] }), 404);
    message = "Feedback saved.";
  } else {
    const decision =
      value.intent === "mark-finalist" ? "finalist" : value.intent === "mark-not-selected" ? "not_selected" : null;
    const changed = await setPendingDecisions(context.db, staff.id, cycle.id, value.applicationId, decision);
    message = `${changed} application${changed === 1 ? "" : "s"} marked; nothing is sent until you release the decisions.`;
  }
  return redirect(`/staff/cycles/${cycle.slug}/decisions`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Decisions — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

const fixed = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits));

export default function DecisionsPage() {
  const { cycle, rows, pending, finalists } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const undecided = rows.filter((row) => row.status === "in_review");
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
                    {row.status === "in_review" ? (
                      <input type="checkbox" name="applicationId" value={row.id} aria-label={`Select ${row.name}`} />
                    ) : null}
                  </td>
                  <td>{row.name}</td>
                  <td>{fixed(row.calibrated)}</td>
                  <td>{fixed(row.raw)}</td>
                  <td>{row.reviews}</td>
                  <td>
                    {row.status !== "in_review"
                      ? `${APPLICATION_STATUS_LABELS[row.status]} (released)`
                      : row.pendingDecision
                        ? `${APPLICATION_STATUS_LABELS[row.pendingDecision]} (pending)`
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
          <button type="submit" name="intent" value="mark-not-selected" className="secondary">
            Mark as not selected
          </button>
          <button type="submit" name="intent" value="clear" className="secondary">
            Clear the mark
          </button>
        </div>
      </Form>
      {undecided.some((row) => row.pendingDecision) ? (
        <section aria-labelledby="feedback-title" className="stack">
          <h2 id="feedback-title">Feedback to send (optional)</h2>
          <p className="muted">
            Approve an excerpt of the reviewers’ comments to go with each decision. Reviewers are never named.
          </p>
          {undecided
            .filter((row) => row.pendingDecision)
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
      <section className="card narrow" aria-labelledby="release-title">
        <h2 id="release-title">Release decisions</h2>
        <p>
          {pending} decision{pending === 1 ? " is" : "s are"} pending. Releasing changes each application’s status and
          emails every applicant.
        </p>
        <Form method="post" className="stack">
          <label className="choice">
            <input type="checkbox" name="confirm" />I have checked the decisions and want to send them
          </label>
          <button type="submit" name="intent" value="release" disabled={pending === 0}>
            Release {pending} decision{pending === 1 ? "" : "s"}
          </button>
        </Form>
      </section>
    </div>
  );
}
