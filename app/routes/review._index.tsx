import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, replyErrors } from "~/components/forms";
import { declaredConflictsOf } from "~/review/conflicts.server";
import { declareConflicts } from "~/review/recusal.server";
import { ConflictDeclarationSchema } from "~/review/pool.schema";
import { isActiveReviewer } from "~/review/pool.server";
import { reviewerQueue } from "~/review/reviews.server";
import { setFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireReviewer } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireReviewer(request, context);
  const [queue, declared] = await Promise.all([
    reviewerQueue(context.db, user.id),
    declaredConflictsOf(context.db, user.id),
  ]);
  return {
    cycles: queue.map((cycle) => ({
      id: cycle.id,
      name: cycle.name,
      open: cycle.status === "reviewing",
      timezone: cycle.timezone,
      assigned: cycle.assigned,
      submitted: cycle.submitted,
      assignments: cycle.assignments.map((assignment) => ({
        ...assignment,
        dueAt: assignment.dueAt?.toISOString() ?? null,
      })),
      declared: {
        organizations: declared.filter((d) => d.cycleId === cycle.id && d.kind === "organization").map((d) => d.value),
        domains: declared.filter((d) => d.cycleId === cycle.id && d.kind === "email_domain").map((d) => d.value),
        people: declared.filter((d) => d.cycleId === cycle.id && d.kind === "person").map((d) => d.value),
      },
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireReviewer(request, context);
  const submission = parseSubmission(await readFormData(request), { schema: ConflictDeclarationSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  // Another cycle's id answers like a missing one.
  if (!(await isActiveReviewer(context.db, submission.value.cycleId, user.id))) {
    return invalid(submission.reply({ formErrors: ["We could not find that review panel."] }), 404);
  }
  const { recused } = await declareConflicts(
    context.db,
    context.config,
    submission.value.cycleId,
    user.id,
    submission.value,
  );
  const message =
    recused > 0
      ? `Conflicts saved. They matched ${recused === 1 ? "an application" : `${recused} applications`} assigned to you: you are recused, and ${recused === 1 ? "it goes" : "they go"} to another reviewer.`
      : "Conflicts saved. They apply to every assignment from now on.";
  return redirect("/review", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction = () => [{ title: "Your reviews — Open Web Fellows" }];

const STATUS = { assigned: "To review", submitted: "Submitted", recused: "Recused" } as const;

export default function ReviewQueue() {
  const { cycles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Your reviews</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {cycles.map((cycle) => (
        <section key={cycle.id} className="card stack" aria-labelledby={`cycle-${cycle.id}`}>
          <h2 id={`cycle-${cycle.id}`}>{cycle.name}</h2>
          <label htmlFor={`progress-${cycle.id}`}>
            {cycle.submitted} of {cycle.assigned} reviews submitted
          </label>
          <progress id={`progress-${cycle.id}`} max={Math.max(cycle.assigned, 1)} value={cycle.submitted} />
          {!cycle.open ? (
            <p className="muted">The review stage of this cycle is closed; your reviews are kept as submitted.</p>
          ) : null}
          {cycle.open ? (
            <p>
              <Link to={`/review/bids/${cycle.id}`}>Bid on this cycle’s applications</Link>: say which you are eager or
              not willing to review, before assignment runs.
            </p>
          ) : null}
          {cycle.assignments.length === 0 ? (
            <p>Nothing is assigned to you yet. Declare any conflicts below before assignment runs.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Assignments in {cycle.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Application</th>
                  {cycle.assignments.some((assignment) => assignment.roundPosition > 1) ? (
                    <th scope="col">Round</th>
                  ) : null}
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {cycle.assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>
                      {assignment.status === "recused" ? (
                        assignment.label
                      ) : (
                        <Link to={`/review/${assignment.id}`}>{assignment.label}</Link>
                      )}
                    </td>
                    {cycle.assignments.some((other) => other.roundPosition > 1) ? <td>{assignment.round}</td> : null}
                    <td>
                      {STATUS[assignment.status]}
                      {assignment.hasDraft ? " (draft saved)" : ""}
                    </td>
                    <td>{assignment.dueAt ? formatDate(assignment.dueAt, cycle.timezone) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <details>
            <summary>Conflicts of interest you declared</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="cycleId" value={cycle.id} />
              <p className="muted">
                We never assign you an application from someone you name, from an organization you name (when the
                application mentions it), or from an email domain you list. One per line.
              </p>
              <div className="field">
                <label htmlFor={`orgs-${cycle.id}`}>Organizations</label>
                <textarea
                  id={`orgs-${cycle.id}`}
                  name="organizations"
                  rows={2}
                  defaultValue={cycle.declared.organizations.join("\n")}
                />
              </div>
              <div className="field">
                <label htmlFor={`domains-${cycle.id}`}>Email domains</label>
                <textarea
                  id={`domains-${cycle.id}`}
                  name="domains"
                  rows={2}
                  defaultValue={cycle.declared.domains.join("\n")}
                />
              </div>
              <div className="field">
                <label htmlFor={`people-${cycle.id}`}>People (full names)</label>
                <textarea
                  id={`people-${cycle.id}`}
                  name="people"
                  rows={2}
                  defaultValue={cycle.declared.people.join("\n")}
                />
              </div>
              <button type="submit" name="intent" value="declare-conflicts" className="secondary">
                Save conflicts
              </button>
            </Form>
          </details>
        </section>
      ))}
    </div>
  );
}
