import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { ErrorList, Field, FormErrors, replyErrors } from "~/components/forms";
import { useConformForm } from "~/components/use-conform";
import { RoundSwitcher, roundPath } from "~/components/round-switcher";
import { requireStaffRound } from "~/review/staff-round.server";
import { CriterionActionSchema } from "~/review/rubric.schema";
import {
  addCriterion,
  deleteCriterion,
  listCriteria,
  scoringStarted,
  updateCriterion,
  type RubricCriterion,
} from "~/review/rubric.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const [criteria, fixed] = await Promise.all([
    listCriteria(context.db, round.id),
    scoringStarted(context.db, round.id),
  ]);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.rubric.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    rounds: rounds.map(({ position, name }) => ({ position, name })),
    round: { position: round.position, name: round.name },
    criteria,
    fixed,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle, rounds, round } = await requireStaffRound(request, context, params.slug);
  const formData = await readFormData(request);
  const target = String(formData.get("criterionId") ?? "new");
  const submission = parseSubmission(formData, { schema: CriterionActionSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const result =
    value.intent === "add-criterion"
      ? await addCriterion(context.db, staff.id, round, value)
      : value.intent === "update-criterion"
        ? await updateCriterion(context.db, staff.id, round, value.criterionId, value.version, value)
        : await deleteCriterion(context.db, staff.id, round, value.criterionId);
  if (!result.ok) return invalid({ target, result: submission.reply({ formErrors: [result.message] }) }, result.status);
  return redirect(roundPath(`/staff/cycles/${cycle.slug}/rubric`, round, rounds), {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("cycleAdmin.rubric.saved") }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

function CriterionForm({
  criterion,
  lastResult,
  fixed,
}: {
  criterion?: RubricCriterion;
  lastResult?: SubmissionResult<string[]>;
  fixed: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useConformForm(CriterionActionSchema, {
    id: criterion ? `criterion-${criterion.id}` : "new-criterion",
    lastResult,
    defaultValue: criterion
      ? {
          name: criterion.name,
          guidance: criterion.guidance,
          weight: String(criterion.weight),
          scaleMin: String(criterion.scaleMin),
          scaleMax: String(criterion.scaleMax),
        }
      : { weight: "20", scaleMin: "1", scaleMax: "5" },
  });
  const f = fields as unknown as Record<
    "name" | "guidance" | "weight" | "scaleMin" | "scaleMax",
    Parameters<typeof getTextareaProps>[0]
  >;
  const { key, ...guidanceProps } = getTextareaProps(f.guidance);
  const scaleLocked = fixed && Boolean(criterion);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {criterion ? (
        <>
          <input type="hidden" name="criterionId" value={criterion.id} />
          <input type="hidden" name="version" value={criterion.version} />
        </>
      ) : null}
      <Field label={t("cycleAdmin.rubric.criterion")} field={f.name} />
      <div className="field">
        <label htmlFor={f.guidance.id}>{t("cycleAdmin.rubric.guidance")}</label>
        <textarea key={key} {...guidanceProps} rows={2} />
        <ErrorList id={f.guidance.errorId} errors={f.guidance.errors} />
      </div>
      <div className="inline-fields">
        <Field label={t("cycleAdmin.rubric.weight")} field={f.weight} type="number" />
        <Field
          label={t("cycleAdmin.rubric.lowest")}
          field={f.scaleMin}
          type="number"
          inputProps={{ readOnly: scaleLocked }}
        />
        <Field
          label={t("cycleAdmin.rubric.highest")}
          field={f.scaleMax}
          type="number"
          inputProps={{ readOnly: scaleLocked }}
        />
      </div>
      <button type="submit" name="intent" value={criterion ? "update-criterion" : "add-criterion"}>
        {criterion ? t("cycleAdmin.rubric.save") : t("cycleAdmin.rubric.addButton")}
      </button>
    </Form>
  );
}

export default function RubricPage() {
  const { cycle, rounds, round, criteria, fixed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (target: string) => (actionData?.target === target ? actionData.result : undefined);
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>
        {rounds.length > 1
          ? t("cycleAdmin.rubric.headingRound", { cycle: cycle.name, round: round.name })
          : t("cycleAdmin.rubric.heading", { cycle: cycle.name })}
      </h1>
      <CycleNav slug={cycle.slug} />
      <RoundSwitcher path={`/staff/cycles/${cycle.slug}/rubric`} rounds={rounds} current={round.position} />
      <p>{t("cycleAdmin.rubric.intro", { total: totalWeight })}</p>
      {fixed ? <p className="notice">{t("cycleAdmin.rubric.fixed")}</p> : null}
      <ol className="stack question-list">
        {criteria.map((criterion) => (
          <li key={criterion.id} className="card">
            <h2 className="question-title">
              {criterion.name}{" "}
              <span className="muted">
                · {t("cycleAdmin.rubric.weightIs", { weight: criterion.weight })} · {criterion.scaleMin}–
                {criterion.scaleMax}
              </span>
            </h2>
            <p className="muted">{criterion.guidance}</p>
            <FormErrors errors={actionData?.target === criterion.id ? replyErrors(actionData.result) : undefined} />
            <details>
              <summary>{t("cycleAdmin.rubric.edit")}</summary>
              <CriterionForm criterion={criterion} fixed={fixed} lastResult={resultFor(criterion.id)} />
            </details>
            {!fixed ? (
              <Form method="post" className="actions">
                <input type="hidden" name="criterionId" value={criterion.id} />
                <button type="submit" name="intent" value="delete-criterion" className="danger">
                  {t("cycleAdmin.questions.remove")}
                  <span className="visually-hidden"> {criterion.name}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {!fixed ? (
        <section className="card narrow" aria-labelledby="add-criterion">
          <h2 id="add-criterion">{t("cycleAdmin.rubric.add")}</h2>
          <CriterionForm fixed={fixed} lastResult={resultFor("new")} />
        </section>
      ) : null}
    </div>
  );
}
