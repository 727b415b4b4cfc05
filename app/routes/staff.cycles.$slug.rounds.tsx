import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { ErrorList, Field, FormErrors, TextAreaField } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { cycleRanking } from "~/review/ranking.server";
import { AdvanceSchema, NewRoundSchema } from "~/review/rounds.schema";
import { advanceApplications, createRound, roundsOverview } from "~/review/rounds.server";
import { requireStaffRound } from "~/review/staff-round.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
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
    title: await pageTitle(request, context, msg("cycleAdmin.rounds.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    rounds: overview.rounds.map((round) => ({
      ...round,
      reviewDueAt: round.reviewDueAt ? new Date(round.reviewDueAt).toISOString() : null,
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
    // One message per outcome, with the counts that are not zero (translated where the flash is shown).
    const skipped = value.method !== "hand_picked" ? result.skippedShort : 0;
    return redirectAfterSuccess(
      context.config,
      to,
      result.already || result.tiedBeyond || skipped
        ? msg("cycleAdmin.rounds.advancedWithNotes", {
            count: result.advanced,
            already: result.already,
            tied: result.tiedBeyond,
            skipped,
          })
        : msg("cycleAdmin.rounds.advanced", { count: result.advanced }),
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
  return redirectAfterSuccess(
    context.config,
    to,
    msg("cycleAdmin.rounds.added", { position: result.position, name: value.name }),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
const fixed = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function NewRoundForm({ panel, lastResult }: { panel: Data["panel"]; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useConformForm(NewRoundSchema, {
    id: "new-round",
    lastResult,
    defaultValue: { reviewersPerApplication: "3" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("cycleAdmin.rounds.name")} field={fields.name} hint={t("cycleAdmin.rounds.nameHint")} />
      <Field label={t("cycleAdmin.rounds.k")} field={fields.reviewersPerApplication} type="number" />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="blindReview"
            id={fields.blindReview.id}
            aria-describedby={fields.blindReview.errorId}
          />
          {t("cycleAdmin.rounds.blind")}
        </label>
        <ErrorList id={fields.blindReview.errorId} errors={fields.blindReview.errors} />
      </div>
      <Field label={t("cycleAdmin.rounds.due")} field={fields.reviewDueAt} type="datetime-local" />
      <fieldset aria-describedby={fields.reviewerId.errors?.length ? fields.reviewerId.errorId : undefined}>
        <legend>{t("cycleAdmin.rounds.reviewers")}</legend>
        {panel.map((person) => (
          <label key={person.id} className="choice">
            <input type="checkbox" name="reviewerId" value={person.id} /> {person.name}
          </label>
        ))}
        <ErrorList id={fields.reviewerId.errorId} errors={fields.reviewerId.errors} />
      </fieldset>
      <button type="submit" name="intent" value="create-round">
        {t("cycleAdmin.rounds.addButton")}
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
  const { t } = useTranslation();
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="toPosition" value={advance.to.position} />
      <fieldset>
        <legend>{t("cycleAdmin.rounds.how")}</legend>
        <label className="choice">
          <input type="radio" name="method" value="top_n" defaultChecked /> {t("cycleAdmin.rounds.topN")}
        </label>
        <label className="choice">
          <input type="radio" name="method" value="cut_off" /> {t("cycleAdmin.rounds.cutOff")}
        </label>
        <label className="choice">
          <input type="radio" name="method" value="hand_picked" /> {t("cycleAdmin.rounds.handPicked")}
        </label>
        <ErrorList id={fields.method.errorId} errors={fields.method.errors} />
      </fieldset>
      <div className="inline-fields">
        <Field label={t("cycleAdmin.rounds.count")} field={fields.count} type="number" />
        <Field
          label={t("cycleAdmin.rounds.minScore")}
          field={fields.minScore}
          type="number"
          inputProps={{ step: "0.1" }}
        />
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t("cycleAdmin.rounds.candidates", { round: advance.from.name })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("cycleAdmin.rounds.pick")}</span>
              </th>
              <th scope="col">{t("cycleAdmin.rounds.rank")}</th>
              <th scope="col">{t("cycleAdmin.rounds.applicant")}</th>
              <th scope="col">{t("cycleAdmin.rounds.calibrated")}</th>
              <th scope="col">{t("cycleAdmin.rounds.reviews")}</th>
              <th scope="col">{t("cycleAdmin.rounds.inRound", { round: advance.to.name })}</th>
            </tr>
          </thead>
          <tbody>
            {advance.candidates.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.advanced ? null : (
                    <input
                      type="checkbox"
                      name="applicationId"
                      value={row.id}
                      aria-label={t("cycleAdmin.rounds.pickName", { name: row.name })}
                    />
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
                  {row.fewReviews ? ` ${t("cycleAdmin.rounds.tooFew")}` : ""}
                </td>
                <td>{row.advanced ? t("cycleAdmin.yes") : t("cycleAdmin.rounds.notYet")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorList id={fields.applicationId.errorId} errors={fields.applicationId.errors} />
      <TextAreaField label={t("cycleAdmin.rounds.reason")} field={fields.reason} rows={2} />
      <button type="submit" name="intent" value="advance">
        {t("cycleAdmin.rounds.advanceTo", { round: advance.to.name })}
      </button>
    </Form>
  );
}

export default function RoundsPage() {
  const { cycle, rounds, panel, advance } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/staff/cycles/${cycle.slug}`;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.rounds.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>{t("cycleAdmin.rounds.intro")}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("cycleAdmin.nav.rounds")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cycleAdmin.rounds.round")}</th>
              <th scope="col">k</th>
              <th scope="col">{t("cycleAdmin.rounds.blindColumn")}</th>
              <th scope="col">{t("cycleAdmin.rounds.dueColumn")}</th>
              <th scope="col">{t("cycleAdmin.nav.reviewers")}</th>
              <th scope="col">{t("cycleAdmin.nav.applications")}</th>
              <th scope="col">{t("cycleAdmin.rounds.reviews")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <th scope="row">
                  {round.position}. {round.name}
                  <br />
                  <Link to={`${base}/rubric?round=${round.position}`}>{t("cycleAdmin.nav.rubric")}</Link> ·{" "}
                  <Link to={`${base}/assignments?round=${round.position}`}>{t("cycleAdmin.nav.assignments")}</Link> ·{" "}
                  <Link to={`${base}/ranking?round=${round.position}`}>{t("cycleAdmin.nav.ranking")}</Link>
                </th>
                <td>{round.reviewersPerApplication}</td>
                <td>{round.blindReview ? t("cycleAdmin.yes") : t("cycleAdmin.rounds.namesShown")}</td>
                <td>{round.reviewDueAt ? format.date(round.reviewDueAt, cycle.timezone) : "—"}</td>
                <td>{round.reviewers.join(", ") || "—"}</td>
                <td>{round.applications}</td>
                <td>{t("cycleAdmin.rounds.submittedOf", { submitted: round.submitted, assigned: round.assigned })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {advance ? (
        <section aria-labelledby="advance-title" className="stack">
          <h2 id="advance-title">
            {t("cycleAdmin.rounds.advanceTitle", { from: advance.from.name, to: advance.to.name })}
          </h2>
          <AdvanceForm advance={advance} lastResult={actionData?.form === "advance" ? actionData.result : undefined} />
        </section>
      ) : null}
      <section aria-labelledby="new-round-title" className="stack">
        <h2 id="new-round-title">{t("cycleAdmin.rounds.add", { position: rounds.length + 1 })}</h2>
        <NewRoundForm panel={panel} lastResult={actionData?.form === "create" ? actionData.result : undefined} />
      </section>
    </div>
  );
}
