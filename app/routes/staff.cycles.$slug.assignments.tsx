import { parseSubmission } from "~/utils/parse-submission";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DB } from "#db/client";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { RoundSwitcher, roundPath } from "~/components/round-switcher";
import { requireStaffRound } from "~/review/staff-round.server";
import { AssignmentActionSchema } from "~/review/assignments.schema";
import { assignManually, planAssignment, runAssignment, unassign } from "~/review/assignments.server";
import { assignmentsOverview, readOverviewQuery } from "~/review/assignments-view.server";
import { sendReviewReminders } from "~/review/decisions.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { ASSIGNMENT_STATUS_KEYS } from "~/review/assignment-status";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

const REASONS: Record<"not-enough-eligible-reviewers" | "reviewers-at-capacity", MessageKey> = {
  "not-enough-eligible-reviewers": "selection.assignments.reasons.notEnough",
  "reviewers-at-capacity": "selection.assignments.reasons.atCapacity",
};

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
    title: await pageTitle(request, context, msg("selection.assignments.pageTitle"), cycle.name, msg("nav.staff")),
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
    message = result.uncovered.length
      ? msg("selection.assignments.flash.addedUncovered", { count: result.added, uncovered: result.uncovered.length })
      : msg("selection.assignments.flash.added", { count: result.added });
  } else if (value.intent === "send-reminders") {
    const sent = await sendReviewReminders(context.db, context.config, staff.id, cycle);
    message = msg("selection.flash.reminders", { count: sent });
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
    message =
      value.intent === "assign"
        ? msg("selection.assignments.flash.assigned")
        : msg("selection.assignments.flash.removed");
  }
  return redirect(roundPath(`/staff/cycles/${cycle.slug}/assignments`, round, rounds), {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function AssignmentsPage() {
  const data = useLoaderData<typeof loader>();
  const { cycle, rounds, round, figures, run, plan } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
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
      <h1>
        {rounds.length > 1
          ? t("selection.assignments.headingRound", { cycle: cycle.name, round: round.name })
          : t("selection.assignments.heading", { cycle: cycle.name })}
      </h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={path} rounds={rounds} current={round.position} />
      <FormErrors errors={replyErrors(actionData)} />
      <section className="card" aria-labelledby="run-title">
        <h2 id="run-title">{t("selection.assignments.automatic")}</h2>
        <p>
          {t("selection.assignments.covered", {
            covered: figures.covered,
            total: figures.inReview,
            k: cycle.k,
          })}{" "}
          {t("selection.assignments.openSlots", { count: figures.openSlots })}{" "}
          {t("selection.assignments.submitted", { submitted: figures.submitted, count: figures.assigned })}
        </p>
        {run ? (
          <p>
            {t("selection.assignments.lastRun")}{" "}
            <time dateTime={run.at}>{run.at.slice(0, 16).replace("T", " ")} UTC</time>
            {t("selection.assignments.lastRunAdded", { count: run.added ?? 0 })}
            {run.reachedK !== null && run.upperBound !== null
              ? run.reachedK === run.upperBound
                ? t("selection.assignments.lastRunMost", { count: run.reachedK, k: cycle.k })
                : t("selection.assignments.lastRunAtMost", { count: run.reachedK, k: cycle.k, bound: run.upperBound })
              : ""}
            {run.certificateValid ? t("selection.assignments.lastRunChecked") : "."}
          </p>
        ) : null}
        {plan ? (
          <>
            <p>{t("selection.assignments.wouldAdd", { count: plan.wouldAdd })}</p>
            <p>
              {plan.reachedK === plan.upperBound
                ? t("selection.assignments.optimalMost", {
                    k: cycle.k,
                    count: plan.reachedK,
                    loads: plan.sumSquaredLoads,
                    overlap: plan.expertiseOverlap,
                  })
                : t("selection.assignments.optimalAtMost", {
                    k: cycle.k,
                    count: plan.reachedK,
                    bound: plan.upperBound,
                    loads: plan.sumSquaredLoads,
                    overlap: plan.expertiseOverlap,
                  })}{" "}
              {plan.checked ? t("selection.assignments.certificateOk") : t("selection.assignments.certificateFailed")}
            </p>
            {plan.uncoveredCount > 0 ? (
              <>
                <p>
                  {plan.uncoveredCount > plan.uncovered.length
                    ? t("selection.assignments.uncoveredFirst", {
                        count: plan.uncoveredCount,
                        k: cycle.k,
                        first: plan.uncovered.length,
                      })
                    : t("selection.assignments.uncovered", { count: plan.uncoveredCount, k: cycle.k })}
                </p>
                <ul>
                  {plan.uncovered.map((item) => (
                    <li key={item.applicationId}>
                      {t("selection.assignments.uncoveredItem", {
                        name: item.name,
                        assigned: item.assigned,
                        needed: item.needed,
                        why: t(item.why),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p>
            <Link to={link({ preview: "1" })}>{t("selection.assignments.preview")}</Link>{" "}
            <span className="muted">{t("selection.assignments.previewHint")}</span>
          </p>
        )}
        <Form method="post" action={link()} className="actions">
          <button type="submit" name="intent" value="run-assignment" disabled={cycle.status !== "reviewing"}>
            {t("selection.assignments.run")}
          </button>
          {cycle.status !== "reviewing" ? (
            <span className="muted">{t("selection.assignments.moveToReviewing")}</span>
          ) : null}
        </Form>
        <Form method="post" action={link()}>
          <button type="submit" name="intent" value="send-reminders" className="secondary">
            {t("selection.assignments.remind")}
          </button>
        </Form>
      </section>
      <nav aria-label={t("selection.assignments.views")} className="subnav">
        <ul className="nav-list">
          {(["applications", "reviewers"] as const).map((name) => (
            <li key={name}>
              <Link
                to={link(name === "reviewers" ? { view: name } : {})}
                aria-current={view === name && !data.reviewer ? "page" : undefined}
                className={view === name ? "active" : undefined}
              >
                {name === "applications"
                  ? t("selection.assignments.byApplication")
                  : t("selection.assignments.byReviewer")}
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
              {t("selection.assignments.onlyOf", { name: data.reviewer.name })}{" "}
              <Link to={link()}>{t("selection.assignments.showAll")}</Link>
            </p>
          ) : null}
          <ApplicationsTable
            applications={data.applications.items}
            caption={
              data.reviewer
                ? t("selection.assignments.captionOf", { name: data.reviewer.name })
                : t("selection.assignments.caption")
            }
            linkTo={applicationLink}
            action={link(data.reviewer ? { reviewer: data.reviewer.id } : {})}
          />
        </>
      )}
      <nav className="pagination" aria-label={t("selection.pages")}>
        {paged ? <Link to={link(listParams)}>{t("selection.firstPage")}</Link> : null}
        {next ? <Link to={link({ ...listParams, after: next })}>{t("selection.nextPage")}</Link> : null}
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
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("selection.applicant")}</th>
            <th scope="col">{t("selection.assignments.reviewers")}</th>
            <th scope="col">{t("selection.assignments.byHand")}</th>
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
                      {assignment.reviewerName}{" "}
                      <span className="badge">{t(ASSIGNMENT_STATUS_KEYS[assignment.status])}</span>
                      {assignment.status === "recused" && assignment.recusalReason ? (
                        <span className="muted"> — {assignment.recusalReason}</span>
                      ) : null}
                      {assignment.status === "assigned" ? (
                        <Form method="post" action={action} className="inline-form">
                          <input type="hidden" name="assignmentId" value={assignment.id} />
                          <button type="submit" name="intent" value="unassign" className="link-button">
                            {t("selection.assignments.unassign")}
                            <span className="visually-hidden">
                              {t("selection.assignments.unassignWhom", {
                                reviewer: assignment.reviewerName,
                                name: application.name,
                              })}
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
                  {t("selection.assignments.addOrReplace")}
                  <span className="visually-hidden">
                    {t("selection.assignments.addOrReplaceOf", { name: application.name })}
                  </span>
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
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("selection.assignments.reviewersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("selection.reviewer")}</th>
            <th scope="col">{t("selection.assignments.load")}</th>
            <th scope="col">{t("selection.assignments.submittedColumn")}</th>
            <th scope="col">{t("selection.assignments.recused")}</th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((reviewer) => (
            <tr key={reviewer.id}>
              <td>
                <Link
                  to={linkTo(reviewer.id)}
                  aria-label={t("selection.assignments.applicationsOf", { name: reviewer.name })}
                >
                  {reviewer.name}
                </Link>
              </td>
              <td>{t("selection.assignments.loadOf", { assigned: reviewer.assigned, capacity: reviewer.capacity })}</td>
              <td>
                <label htmlFor={`progress-${reviewer.id}`}>
                  {t("selection.assignments.submittedOf", {
                    submitted: reviewer.submitted,
                    assigned: reviewer.assigned,
                  })}
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
