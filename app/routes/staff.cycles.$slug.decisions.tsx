import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { ReleaseCard, ReleasePreview } from "~/components/decision-release";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const BULK_LABELS = {
  finalist: "finalists",
  waitlisted: "waitlisted",
  not_selected: "not selected",
  clear: "unmarked (clear the mark)",
} as const;

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
    message = `${plural(marked.changed, "application")} of the ${value.count} on the filter marked; nothing is sent until you release the decisions.`;
  } else if (value.intent === "release") {
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
  return redirectAfterSuccess(context.config, back, message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Decisions — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

const fixed = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits));

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
  const undecided = rows.filter((row) => row.decidable);
  const hiddenFilter = Object.entries(filter).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
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
      <Form method="get" className="toolbar" aria-label="Filter the decisions">
        <div className="field">
          <label htmlFor="show">Show</label>
          <select id="show" name="show" defaultValue={filter.show ?? "all"}>
            <option value="all">All</option>
            <option value="undecided">Not marked yet</option>
            <option value="marked">Marked, not released</option>
            <option value="released">Released</option>
          </select>
        </div>
        {rounds.length > 1 ? (
          <div className="field">
            <label htmlFor="round">Furthest round</label>
            <select id="round" name="round" defaultValue={filter.round ?? ""}>
              <option value="">Any</option>
              {rounds.map((round) => (
                <option key={round.position} value={round.position}>
                  {round.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="min">Calibrated at least</label>
          <input id="min" name="min" type="number" min={0} max={100} step="any" defaultValue={filter.min ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="max">Calibrated below</label>
          <input id="max" name="max" type="number" min={0} max={100} step="any" defaultValue={filter.max ?? ""} />
        </div>
        <button type="submit">Filter</button>
      </Form>
      <p>
        {plural(total, "application")} on this filter, {markable} of them can be marked.
      </p>
      {bulk && markable > 0 ? (
        <Form method="post" className="card stack" aria-labelledby="bulk-confirm-title">
          <h2 id="bulk-confirm-title">Confirm</h2>
          <p>
            Mark all {plural(markable, "application")} on this filter as {BULK_LABELS[bulk]}? Nothing is sent until you
            release the decisions. If the filter matches a different number when you confirm, nothing is marked.
          </p>
          {hiddenFilter}
          <input type="hidden" name="decision" value={bulk} />
          <input type="hidden" name="count" value={markable} />
          <div className="actions">
            <button type="submit" name="intent" value="bulk">
              Mark all {markable}
            </button>
            <Link to={`?${new URLSearchParams(filter)}`}>Cancel</Link>
          </div>
        </Form>
      ) : markable > 0 ? (
        <Form method="get" className="toolbar" aria-label="All on this filter">
          {hiddenFilter}
          <div className="field">
            <label htmlFor="bulk">Mark all {markable} on this filter as</label>
            <select id="bulk" name="bulk" defaultValue="finalist">
              {BULK_DECISIONS.map((decision) => (
                <option key={decision} value={decision}>
                  {BULK_LABELS[decision]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            Review before marking
          </button>
        </Form>
      ) : null}
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
                {rounds.length > 1 ? <th scope="col">Furthest round</th> : null}
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
                    {row.decidable && !row.inRelease ? (
                      <input type="checkbox" name="applicationId" value={row.id} aria-label={`Select ${row.name}`} />
                    ) : null}
                  </td>
                  <td>{row.name}</td>
                  {rounds.length > 1 ? <td>{row.round}</td> : null}
                  <td>{fixed(row.calibrated)}</td>
                  <td>{fixed(row.raw)}</td>
                  <td>{row.reviews}</td>
                  <td>
                    {row.pendingDecision && row.decidable
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
        <nav className="pagination" aria-label="Pages">
          {paged ? <Link to={`?${new URLSearchParams(filter)}`}>First page</Link> : null}
          {next ? <Link to={`?${new URLSearchParams({ ...filter, after: next })}`}>Next page</Link> : null}
        </nav>
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
      <ReleasePreview groups={preview} allHref="?show=marked" />
      <ReleaseCard pending={pending} delayMinutes={delayMinutes} waiting={waiting} />
    </div>
  );
}
