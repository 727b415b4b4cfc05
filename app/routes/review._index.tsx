import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, replyErrors } from "~/components/forms";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage, type MessageKey } from "~/i18n/message";
import { declaredConflictsOf } from "~/review/conflicts.server";
import { declareConflicts } from "~/review/recusal.server";
import { ConflictDeclarationSchema } from "~/review/pool.schema";
import { isActiveReviewer } from "~/review/pool.server";
import { reviewerQueue } from "~/review/reviews.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireReviewer } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireReviewer(request, context);
  const [queue, declared] = await Promise.all([
    reviewerQueue(context.db, user.id),
    declaredConflictsOf(context.db, user.id),
  ]);
  return {
    title: await pageTitle(request, context, msg("reviewQueue.title")),
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
    return invalid(submission.reply({ formErrors: [msg("reviewQueue.errors.panelNotFound")] }), 404);
  }
  const { recused } = await declareConflicts(
    context.db,
    context.config,
    submission.value.cycleId,
    user.id,
    submission.value,
  );
  const message =
    recused > 0 ? msg("reviewQueue.conflictsRecused", { count: recused }) : msg("reviewQueue.conflictsSaved");
  return redirect("/review", {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

const STATUS_KEYS: Record<"assigned" | "submitted" | "recused", MessageKey> = {
  assigned: "reviewQueue.status.assigned",
  submitted: "reviewQueue.status.submitted",
  recused: "reviewQueue.status.recused",
};

export default function ReviewQueue() {
  const { cycles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("reviewQueue.title")}</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {cycles.map((cycle) => (
        <section key={cycle.id} className="card stack" aria-labelledby={`cycle-${cycle.id}`}>
          <h2 id={`cycle-${cycle.id}`}>{cycle.name}</h2>
          <label htmlFor={`progress-${cycle.id}`}>
            {t("reviewQueue.progress", { count: cycle.assigned, submitted: cycle.submitted })}
          </label>
          <progress id={`progress-${cycle.id}`} max={Math.max(cycle.assigned, 1)} value={cycle.submitted} />
          {!cycle.open ? <p className="muted">{t("reviewQueue.closed")}</p> : null}
          {cycle.open ? (
            <p>
              <Link to={`/review/bids/${cycle.id}`}>{t("reviewQueue.bidLink")}</Link>
              {t("reviewQueue.bidHint")}
            </p>
          ) : null}
          {cycle.assignments.length === 0 ? (
            <p>{t("reviewQueue.nothingAssigned")}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t("reviewQueue.caption", { cycle: cycle.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reviewQueue.application")}</th>
                  {cycle.assignments.some((assignment) => assignment.roundPosition > 1) ? (
                    <th scope="col">{t("reviewQueue.round")}</th>
                  ) : null}
                  <th scope="col">{t("reviewQueue.statusColumn")}</th>
                  <th scope="col">{t("reviewQueue.due")}</th>
                </tr>
              </thead>
              <tbody>
                {cycle.assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>
                      {assignment.status === "recused" ? (
                        message(assignment.label)
                      ) : (
                        <Link to={`/review/${assignment.id}`}>{message(assignment.label)}</Link>
                      )}
                    </td>
                    {cycle.assignments.some((other) => other.roundPosition > 1) ? <td>{assignment.round}</td> : null}
                    <td>
                      {t(STATUS_KEYS[assignment.status])}
                      {assignment.hasDraft ? t("reviewQueue.draftSaved") : ""}
                    </td>
                    <td>{assignment.dueAt ? format.date(assignment.dueAt, cycle.timezone) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <details>
            <summary>{t("reviewQueue.conflictsTitle")}</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="cycleId" value={cycle.id} />
              <p className="muted">{t("reviewQueue.conflictsHint")}</p>
              <div className="field">
                <label htmlFor={`orgs-${cycle.id}`}>{t("reviewQueue.organizations")}</label>
                <textarea
                  id={`orgs-${cycle.id}`}
                  name="organizations"
                  rows={2}
                  defaultValue={cycle.declared.organizations.join("\n")}
                />
              </div>
              <div className="field">
                <label htmlFor={`domains-${cycle.id}`}>{t("reviewQueue.domains")}</label>
                <textarea
                  id={`domains-${cycle.id}`}
                  name="domains"
                  rows={2}
                  defaultValue={cycle.declared.domains.join("\n")}
                />
              </div>
              <div className="field">
                <label htmlFor={`people-${cycle.id}`}>{t("reviewQueue.people")}</label>
                <textarea
                  id={`people-${cycle.id}`}
                  name="people"
                  rows={2}
                  defaultValue={cycle.declared.people.join("\n")}
                />
              </div>
              <button type="submit" name="intent" value="declare-conflicts" className="secondary">
                {t("reviewQueue.saveConflicts")}
              </button>
            </Form>
          </details>
        </section>
      ))}
    </div>
  );
}
