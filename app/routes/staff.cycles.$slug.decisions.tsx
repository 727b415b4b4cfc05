import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { ReleaseCard, ReleasePreview } from "~/components/decision-release";
import { FormErrors, replyErrors } from "~/components/forms";
import { useScoreFormat } from "~/components/use-score-format";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { cancelRelease, scheduleRelease } from "~/review/decision-release.server";
import {
  BULK_DECISIONS,
  DecisionActionSchema,
  DecisionFilterSchema,
  type DecisionFilter,
} from "~/review/decisions.schema";
import { setDecisionFeedback, setPendingDecisions, setPendingDecisionsOnFilter } from "~/review/decisions.server";
import { decisionsView } from "~/review/decisions-view.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";

const PageSchema = z.object({
  after: z.string().max(800).optional().catch(undefined),
  /** The confirm step of "all on this filter": which decision to confirm. */
  bulk: z.enum(BULK_DECISIONS).optional().catch(undefined),
});

/** The filter as query-string pairs (only what is set), for links, hidden fields and redirects. */
function filterParams(filter: DecisionFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      show: filter.show === "all" ? undefined : filter.show,
      round: filter.round,
      min: filter.min,
      max: filter.max,
    })
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const filter = DecisionFilterSchema.parse(searchParams);
  const page = PageSchema.parse(searchParams);
  return {
    title: await pageTitle(request, context, msg("selection.decisions.pageTitle"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, finalistTarget: cycle.finalistTarget },
    filter: filterParams(filter),
    paged: Boolean(page.after),
    bulk: page.bulk ?? null,
    ...(await decisionsView(context.db, context.config, cycle, filter, page.after ?? null)),
  };
}

const DECISION_BY_INTENT = {
  "mark-finalist": "finalist",
  "mark-waitlisted": "waitlisted",
  "mark-not-selected": "not_selected",
  clear: null,
} as const;

const BULK_LABELS: Record<(typeof BULK_DECISIONS)[number], MessageKey> = {
  finalist: "selection.decisions.bulk.finalist",
  waitlisted: "selection.decisions.bulk.waitlisted",
  not_selected: "selection.decisions.bulk.not_selected",
  clear: "selection.decisions.bulk.clear",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: DecisionActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  let back = `/staff/cycles/${cycle.slug}/decisions`;
  if (value.intent === "bulk") {
    const decision = value.decision === "clear" ? null : value.decision;
    const marked = await setPendingDecisionsOnFilter(context.db, staff.id, cycle.id, value, decision, value.count);
    if (!marked.ok) return invalid(submission.reply({ formErrors: [marked.message] }), marked.status);
    const query = new URLSearchParams(filterParams(value)).toString();
    back = query ? `${back}?${query}` : back;
    message = msg("selection.decisions.flash.bulkMarked", { count: marked.changed, of: value.count });
  } else if (value.intent === "release") {
    const released = await scheduleRelease(context.db, context.config, staff.id, cycle);
    if (!released.ok) return invalid(submission.reply({ formErrors: [released.message] }), released.status);
    message = released.sentNow
      ? msg("selection.decisions.flash.released", { count: released.decisions })
      : msg("selection.decisions.flash.scheduled", {
          count: released.decisions,
          time: formatTime(released.sendAt, cycle.timezone),
        });
  } else if (value.intent === "cancel-release") {
    const cancelled = await cancelRelease(context.db, staff.id, cycle.id);
    if (!cancelled.ok) return invalid(submission.reply({ formErrors: [cancelled.message] }), cancelled.status);
    message = msg("selection.decisions.flash.cancelled");
  } else if (value.intent === "feedback") {
    const saved = await setDecisionFeedback(context.db, staff.id, cycle.id, value.applicationId, value.feedback);
    if (!saved) return invalid(submission.reply({ formErrors: [msg("selection.decisions.notWaiting")] }), 404);
    message = msg("selection.decisions.flash.feedbackSaved");
  } else {
    const decision = DECISION_BY_INTENT[value.intent];
    const changed = await setPendingDecisions(context.db, staff.id, cycle.id, value.applicationId, decision);
    message = msg("selection.decisions.flash.marked", { count: changed });
  }
  return redirectAfterSuccess(context.config, back, message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function DecisionsPage() {
  const {
    cycle,
    filter,
    paged,
    bulk,
    rows,
    next,
    total,
    markable,
    rounds,
    pending,
    finalists,
    waiting,
    preview,
    delayMinutes,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { fixed } = useScoreFormat();
  const undecided = rows.filter((row) => row.decidable);
  const hiddenFilter = Object.entries(filter).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <div className="stack">
      <h1>{t("selection.decisions.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      <p>
        {cycle.finalistTarget
          ? t("selection.decisions.finalistsTarget", { count: finalists, target: cycle.finalistTarget })
          : t("selection.decisions.finalists", { count: finalists })}{" "}
        {t("selection.decisions.markBelow")}
      </p>
      <Form method="get" className="toolbar" aria-label={t("selection.decisions.filterLabel")}>
        <div className="field">
          <label htmlFor="show">{t("selection.decisions.show")}</label>
          <select id="show" name="show" defaultValue={filter.show ?? "all"}>
            <option value="all">{t("selection.decisions.showAll")}</option>
            <option value="undecided">{t("selection.decisions.showUndecided")}</option>
            <option value="marked">{t("selection.decisions.showMarked")}</option>
            <option value="released">{t("selection.decisions.showReleased")}</option>
          </select>
        </div>
        {rounds.length > 1 ? (
          <div className="field">
            <label htmlFor="round">{t("selection.decisions.furthestRound")}</label>
            <select id="round" name="round" defaultValue={filter.round ?? ""}>
              <option value="">{t("selection.any")}</option>
              {rounds.map((round) => (
                <option key={round.position} value={round.position}>
                  {round.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="min">{t("selection.decisions.min")}</label>
          <input id="min" name="min" type="number" min={0} max={100} step="any" defaultValue={filter.min ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="max">{t("selection.decisions.max")}</label>
          <input id="max" name="max" type="number" min={0} max={100} step="any" defaultValue={filter.max ?? ""} />
        </div>
        <button type="submit">{t("selection.filter")}</button>
      </Form>
      <p>{t("selection.decisions.onFilter", { count: total, markable })}</p>
      {bulk && markable > 0 ? (
        <Form method="post" className="card stack" aria-labelledby="bulk-confirm-title">
          <h2 id="bulk-confirm-title">{t("selection.decisions.confirmTitle")}</h2>
          <p>{t("selection.decisions.confirmBulk", { count: markable, decision: t(BULK_LABELS[bulk]) })}</p>
          {hiddenFilter}
          <input type="hidden" name="decision" value={bulk} />
          <input type="hidden" name="count" value={markable} />
          <div className="actions">
            <button type="submit" name="intent" value="bulk">
              {t("selection.decisions.markAll", { count: markable })}
            </button>
            <Link to={`?${new URLSearchParams(filter)}`}>{t("selection.cancel")}</Link>
          </div>
        </Form>
      ) : markable > 0 ? (
        <Form method="get" className="toolbar" aria-label={t("selection.decisions.allOnFilter")}>
          {hiddenFilter}
          <div className="field">
            <label htmlFor="bulk">{t("selection.decisions.markAllAs", { count: markable })}</label>
            <select id="bulk" name="bulk" defaultValue="finalist">
              {BULK_DECISIONS.map((decision) => (
                <option key={decision} value={decision}>
                  {t(BULK_LABELS[decision])}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t("selection.decisions.reviewBeforeMarking")}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="stack">
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("selection.decisions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("selection.decisions.select")}</span>
                </th>
                <th scope="col">{t("selection.applicant")}</th>
                {rounds.length > 1 ? <th scope="col">{t("selection.decisions.furthestRound")}</th> : null}
                <th scope="col">{t("selection.decisions.calibrated")}</th>
                <th scope="col">{t("selection.decisions.raw")}</th>
                <th scope="col">{t("selection.reviews")}</th>
                <th scope="col">{t("selection.decisions.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.decidable && !row.inRelease ? (
                      <input
                        type="checkbox"
                        name="applicationId"
                        value={row.id}
                        aria-label={t("selection.decisions.selectName", { name: row.name })}
                      />
                    ) : null}
                  </td>
                  <td>{row.name}</td>
                  {rounds.length > 1 ? <td>{row.round}</td> : null}
                  <td>{fixed(row.calibrated)}</td>
                  <td>{fixed(row.raw)}</td>
                  <td>{row.reviews}</td>
                  <td>
                    {row.pendingDecision && row.decidable
                      ? `${row.status === "waitlisted" ? t("selection.decisions.waitlistedThen") : ""}${
                          row.inRelease && waiting
                            ? t("selection.decisions.sending", {
                                decision: t(APPLICATION_STATUS_KEYS[row.pendingDecision]),
                                time: waiting.sendAt,
                              })
                            : t("selection.decisions.pending", {
                                decision: t(APPLICATION_STATUS_KEYS[row.pendingDecision]),
                              })
                        }`
                      : row.status !== "in_review"
                        ? t("selection.decisions.released", { decision: t(APPLICATION_STATUS_KEYS[row.status]) })
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav className="pagination" aria-label={t("selection.pages")}>
          {paged ? <Link to={`?${new URLSearchParams(filter)}`}>{t("selection.firstPage")}</Link> : null}
          {next ? (
            <Link to={`?${new URLSearchParams({ ...filter, after: next })}`}>{t("selection.nextPage")}</Link>
          ) : null}
        </nav>
        <div className="actions">
          <button type="submit" name="intent" value="mark-finalist">
            {t("selection.decisions.markFinalist")}
          </button>
          <button type="submit" name="intent" value="mark-waitlisted" className="secondary">
            {t("selection.decisions.markWaitlisted")}
          </button>
          <button type="submit" name="intent" value="mark-not-selected" className="secondary">
            {t("selection.decisions.markNotSelected")}
          </button>
          <button type="submit" name="intent" value="clear" className="secondary">
            {t("selection.decisions.clear")}
          </button>
        </div>
      </Form>
      {undecided.some((row) => row.pendingDecision && !row.inRelease) ? (
        <section aria-labelledby="feedback-title" className="stack">
          <h2 id="feedback-title">{t("selection.decisions.feedbackTitle")}</h2>
          <p className="muted">{t("selection.decisions.feedbackIntro")}</p>
          {undecided
            .filter((row) => row.pendingDecision && !row.inRelease)
            .map((row) => (
              <Form method="post" key={row.id} className="card">
                <input type="hidden" name="applicationId" value={row.id} />
                <label htmlFor={`feedback-${row.id}`}>{t("selection.decisions.feedbackFor", { name: row.name })}</label>
                {row.comments.length > 0 ? (
                  <details>
                    <summary>{t("selection.decisions.comments")}</summary>
                    <ul>
                      {row.comments.map((comment, index) => (
                        <li key={index}>{comment}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                <textarea id={`feedback-${row.id}`} name="feedback" rows={2} defaultValue={row.feedback ?? ""} />
                <button type="submit" name="intent" value="feedback" className="secondary">
                  {t("selection.decisions.saveFeedback")}
                  <span className="visually-hidden">
                    {t("selection.decisions.saveFeedbackFor", { name: row.name })}
                  </span>
                </button>
              </Form>
            ))}
        </section>
      ) : null}
      <ReleasePreview groups={preview} allHref="?show=marked" />
      <ReleaseCard pending={pending} delayMinutes={delayMinutes} waiting={waiting} />
    </div>
  );
}
