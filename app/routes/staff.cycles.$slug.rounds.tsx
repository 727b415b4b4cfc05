import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CycleNav } from "~/components/cycle-nav";
import { ErrorList, Field, FormErrors, TextAreaField } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { cycleRanking } from "~/review/ranking.server";
import { AdvanceSchema, NewRoundSchema } from "~/review/rounds.schema";
import { advanceApplications, createRound, roundsOverview } from "~/review/rounds.server";
import { requireStaffRound } from "~/review/staff-round.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { parseSubmission } from "~/utils/parse-submission";
import { zonedLocalToUtc } from "~/utils/timezones";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds } = await requireStaffRound(request, context, params.slug);
  const overview = await roundsOverview(context.db, cycle.id);
  const latest = rounds[rounds.length - 1]!;
  const from = rounds.find((round) => round.position === latest.position - 1);
  // The round before the latest, ranked: what an advance into the latest chooses from.
  const ranking = from ? await cycleRanking(context.db, from) : null;
  const advanced = from
    ? new Set(
        (
          await context.db
            .selectFrom("roundApplications")
            .select("applicationId")
            .where("roundId", "=", latest.id)
            .execute()
        ).map((row) => row.applicationId),
      )
    : new Set<string>();
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    rounds: overview.rounds.map((round) => ({
      ...round,
      reviewDueAt: round.reviewDueAt ? formatDate(round.reviewDueAt, cycle.timezone) : null,
    })),
    panel: overview.panel,
    advance:
      from && ranking
        ? {
            from: { position: from.position, name: from.name },
            to: { position: latest.position, name: latest.name },
            candidates: ranking.applications
              .filter((row) => row.status === "in_review")
              .map((row) => ({
                id: row.id,
                name: row.name,
                rank: row.rank,
                score: row.score?.score ?? null,
                low: row.score?.low ?? null,
                high: row.score?.high ?? null,
                reviews: row.score?.reviewCount ?? 0,
                fewReviews: row.score?.fewReviews ?? true,
                advanced: advanced.has(row.id),
              })),
          }
        : null,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffRound(request, context, params.slug);
  const formData = await readFormData(request);
  const to = `/staff/cycles/${cycle.slug}/rounds`;
  if (formData.get("intent") === "advance") {
    const submission = parseSubmission(formData, { schema: AdvanceSchema });
    if (submission.status !== "success") return invalid({ form: "advance", result: submission.reply() });
    const value = submission.value;
    const rule =
      value.method === "top_n"
        ? { method: value.method, count: value.count! }
        : value.method === "cut_off"
          ? { method: value.method, minScore: value.minScore! }
          : { method: value.method, applicationIds: value.applicationId! };
    const result = await advanceApplications(context.db, staff.id, cycle.id, {
      toPosition: value.toPosition,
      rule,
      reason: value.reason,
    });
    if (!result.ok)
      return invalid({ form: "advance", result: submission.reply({ formErrors: [result.message] }) }, result.status);
    const notes = [
      result.already ? `${result.already} already there` : "",
      result.tiedBeyond ? `${result.tiedBeyond} more tied with the last place` : "",
      result.skippedShort && value.method !== "hand_picked"
        ? `${plural(result.skippedShort, "application")} short of reviews passed over`
        : "",
    ].filter(Boolean);
    return redirectAfterSuccess(
      context.config,
      to,
      `Advanced ${plural(result.advanced, "application")}${notes.length ? ` (${notes.join("; ")})` : ""}.`,
    );
  }
  const submission = parseSubmission(formData, { schema: NewRoundSchema });
  if (submission.status !== "success") return invalid({ form: "create", result: submission.reply() });
  const value = submission.value;
  const result = await createRound(context.db, staff.id, cycle.id, {
    name: value.name,
    reviewersPerApplication: value.reviewersPerApplication,
    blindReview: value.blindReview,
    reviewDueAt: value.reviewDueAt ? zonedLocalToUtc(value.reviewDueAt, cycle.timezone) : null,
    reviewerIds: value.reviewerId,
  });
  if (!result.ok)
    return invalid(
      {
        form: "create",
        result: submission.reply(
          result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
        ),
      },
      result.status,
    );
  return redirectAfterSuccess(context.config, to, `Round ${result.position} added: ${value.name}.`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review rounds — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
const fixed = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function NewRoundForm({ panel, lastResult }: { panel: Data["panel"]; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useConformForm(NewRoundSchema, {
    id: "new-round",
    lastResult,
    defaultValue: { reviewersPerApplication: "3" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label="Name of the round" field={fields.name} hint="For example “Panel”." />
      <Field label="Reviewers per application (k)" field={fields.reviewersPerApplication} type="number" />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="blindReview"
            id={fields.blindReview.id}
            aria-describedby={fields.blindReview.errorId}
          />
          Blind review in this round
        </label>
        <ErrorList id={fields.blindReview.errorId} errors={fields.blindReview.errors} />
      </div>
      <Field label="Reviews due (the cycle’s time zone)" field={fields.reviewDueAt} type="datetime-local" />
      <fieldset aria-describedby={fields.reviewerId.errors?.length ? fields.reviewerId.errorId : undefined}>
        <legend>Reviewers in this round</legend>
        {panel.map((person) => (
          <label key={person.id} className="choice">
            <input type="checkbox" name="reviewerId" value={person.id} /> {person.name}
          </label>
        ))}
        <ErrorList id={fields.reviewerId.errorId} errors={fields.reviewerId.errors} />
      </fieldset>
      <button type="submit" name="intent" value="create-round">
        Add the round
      </button>
    </Form>
  );
}

function AdvanceForm({
  advance,
  lastResult,
}: {
  advance: NonNullable<Data["advance"]>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useConformForm(AdvanceSchema, {
    id: "advance",
    lastResult,
    defaultValue: { method: "top_n" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="toPosition" value={advance.to.position} />
      <fieldset>
        <legend>How to choose</legend>
        <label className="choice">
          <input type="radio" name="method" value="top_n" defaultChecked /> The top N by calibrated score (everyone tied
          with the N-th comes too)
        </label>
        <label className="choice">
          <input type="radio" name="method" value="cut_off" /> Every application at or above a calibrated score
        </label>
        <label className="choice">
          <input type="radio" name="method" value="hand_picked" /> Only the applications ticked below
        </label>
        <ErrorList id={fields.method.errorId} errors={fields.method.errors} />
      </fieldset>
      <div className="inline-fields">
        <Field label="N (top N)" field={fields.count} type="number" />
        <Field
          label="Lowest score (cut-off, 0–100)"
          field={fields.minScore}
          type="number"
          inputProps={{ step: "0.1" }}
        />
      </div>
      <div className="table-wrap">
        <table>
          <caption>
            {advance.from.name}: applications in review, best first (top N and cut-off pass over those with fewer
            reviews than the round asks)
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Pick</span>
              </th>
              <th scope="col">Rank</th>
              <th scope="col">Applicant</th>
              <th scope="col">Calibrated (95 % interval)</th>
              <th scope="col">Reviews</th>
              <th scope="col">In {advance.to.name}</th>
            </tr>
          </thead>
          <tbody>
            {advance.candidates.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.advanced ? null : (
                    <input type="checkbox" name="applicationId" value={row.id} aria-label={`Pick ${row.name}`} />
                  )}
                </td>
                <td>{row.rank ?? "—"}</td>
                <td>{row.name}</td>
                <td>
                  {fixed(row.score)}
                  {row.low !== null && row.high !== null ? ` (${fixed(row.low)}–${fixed(row.high)})` : ""}
                </td>
                <td>
                  {row.reviews}
                  {row.fewReviews ? " (too few)" : ""}
                </td>
                <td>{row.advanced ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorList id={fields.applicationId.errorId} errors={fields.applicationId.errors} />
      <TextAreaField label="Why (kept in the audit log)" field={fields.reason} rows={2} />
      <button type="submit" name="intent" value="advance">
        Advance to {advance.to.name}
      </button>
    </Form>
  );
}

export default function RoundsPage() {
  const { cycle, rounds, panel, advance } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/staff/cycles/${cycle.slug}`;
  return (
    <div className="stack">
      <h1>{`Review rounds of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        Each round has its own rubric, reviewers, number of reviewers per application, blind setting and due date. The
        first round reads every application in review, with the whole panel, and takes its settings from the cycle’s
        settings; a later round reads only the applications advanced into it. Advancing changes no status: an
        application not advanced stays where it is until its decision.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Rounds</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">k</th>
              <th scope="col">Blind</th>
              <th scope="col">Due</th>
              <th scope="col">Reviewers</th>
              <th scope="col">Applications</th>
              <th scope="col">Reviews</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <th scope="row">
                  {round.position}. {round.name}
                  <br />
                  <Link to={`${base}/rubric?round=${round.position}`}>Rubric</Link> ·{" "}
                  <Link to={`${base}/assignments?round=${round.position}`}>Assignments</Link> ·{" "}
                  <Link to={`${base}/ranking?round=${round.position}`}>Ranking</Link>
                </th>
                <td>{round.reviewersPerApplication}</td>
                <td>{round.blindReview ? "Yes" : "No"}</td>
                <td>{round.reviewDueAt ?? "—"}</td>
                <td>{round.reviewers.join(", ") || "—"}</td>
                <td>{round.applications}</td>
                <td>
                  {round.submitted} of {round.assigned} submitted
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {advance ? (
        <section aria-labelledby="advance-title" className="stack">
          <h2 id="advance-title">
            Advance from {advance.from.name} to {advance.to.name}
          </h2>
          <AdvanceForm advance={advance} lastResult={actionData?.form === "advance" ? actionData.result : undefined} />
        </section>
      ) : null}
      <section aria-labelledby="new-round-title" className="stack">
        <h2 id="new-round-title">Add round {rounds.length + 1}</h2>
        <NewRoundForm panel={panel} lastResult={actionData?.form === "create" ? actionData.result : undefined} />
      </section>
    </div>
  );
}
