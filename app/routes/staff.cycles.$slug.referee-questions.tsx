import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { ErrorList, FormErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import {
  addRefereeQuestion,
  listOwnRefereeQuestions,
  removeRefereeQuestion,
} from "~/references/referee-questions.server";
import { MAX_REFEREE_QUESTIONS, REFEREE_QUESTIONS, RefereeQuestionActionSchema } from "~/references/references";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { parseSubmission } from "~/utils/parse-submission";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.refereeQuestions.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, referencesMax: cycle.referencesMax },
    questions: await listOwnRefereeQuestions(context.db, cycle.id),
    defaults: REFEREE_QUESTIONS.map((question) => question.label),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: RefereeQuestionActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  const result =
    value.intent === "add"
      ? await addRefereeQuestion(context.db, staff.id, cycle.id, {
          label: value.label,
          required: Boolean(value.required),
        })
      : await removeRefereeQuestion(context.db, staff.id, cycle.id, value.questionId);
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirectAfterSuccess(
    context.config,
    `/staff/cycles/${cycle.slug}/referee-questions`,
    value.intent === "add" ? msg("cycleAdmin.refereeQuestions.added") : msg("cycleAdmin.questions.removed"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function RefereeQuestionsPage() {
  const { cycle, questions, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error as Record<string, string[] | null> | undefined;
  const labelErrors = errors?.label ?? undefined;
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.refereeQuestions.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={errors?.[""] ?? undefined} />
      <p>
        {cycle.referencesMax === 0 ? `${t("cycleAdmin.refereeQuestions.noReferences")} ` : ""}
        {t("cycleAdmin.refereeQuestions.intro")}
      </p>
      {questions.length === 0 ? (
        <>
          <p>{t("cycleAdmin.refereeQuestions.defaults")}</p>
          <ul>
            {defaults.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      ) : (
        <ol className="stack" aria-label={t("cycleAdmin.refereeQuestions.listLabel")}>
          {questions.map((question) => (
            <li key={question.id}>
              <Form method="post" className="actions">
                <span>
                  {question.label}
                  {question.required ? ` ${t("apply.question.required")}` : ""}
                </span>
                <input type="hidden" name="questionId" value={question.id} />
                <button type="submit" name="intent" value="remove" className="secondary">
                  {t("cycleAdmin.questions.remove")}
                  <span className="visually-hidden"> “{question.label}”</span>
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
      {questions.length < MAX_REFEREE_QUESTIONS ? (
        <section aria-labelledby="add-referee-question" className="narrow stack">
          <h2 id="add-referee-question">{t("cycleAdmin.questions.add")}</h2>
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="referee-question-label">{t("cycleAdmin.eligibility.question")}</label>
              <textarea
                id="referee-question-label"
                name="label"
                rows={2}
                aria-invalid={labelErrors?.length ? true : undefined}
                aria-describedby={labelErrors?.length ? "referee-question-label-error" : undefined}
              />
              <ErrorList id="referee-question-label-error" errors={labelErrors} />
            </div>
            <label className="choice">
              <input type="checkbox" name="required" />
              {t("cycleAdmin.refereeQuestions.mustAnswer")}
            </label>
            <button type="submit" name="intent" value="add">
              {t("cycleAdmin.refereeQuestions.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
