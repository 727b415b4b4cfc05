import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QUESTION_KIND_KEYS, QUESTION_KINDS } from "~/applications/questions";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { QuestionEditor } from "~/components/question-editor";
import { QuestionActionSchema } from "~/cycles/cycles.schema";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { REPORT_KIND_KEYS } from "~/fellowships/lifecycle";
import { listReportQuestions, reportQuestionsFrozen, writeReportQuestion } from "~/fellowships/report-questions.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";

const REPORT_QUESTION_KINDS = QUESTION_KINDS.filter((kind) => kind !== "file");

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const form = isUuid(params.formId)
    ? await context.db
        .selectFrom("reportForms")
        .select(["id", "title", "kind"])
        .where("id", "=", params.formId)
        .where("cycleId", "=", cycle.id)
        .executeTakeFirst()
    : undefined;
  if (!form) notFound(msg("cycleAdmin.reportQuestions.notFound"));
  return { staff, cycle, form };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, form } = await load(request, context, params);
  const [questions, frozen] = await Promise.all([
    listReportQuestions(context.db, form.id),
    reportQuestionsFrozen(context.db, form.id),
  ]);
  return {
    title: await pageTitle(request, context, form.title, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    form,
    questions,
    frozen,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle, form } = await load(request, context, params);
  const formData = await readFormData(request);
  const target = String(formData.get("questionId") ?? "new");
  const submission = parseSubmission(formData, { schema: QuestionActionSchema });
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const result = await writeReportQuestion(
    context.db,
    staff.id,
    form.id,
    value.intent === "add-question"
      ? { intent: value.intent, input: value }
      : value.intent === "update-question"
        ? { intent: value.intent, questionId: value.questionId, version: value.version, input: value }
        : { intent: value.intent, questionId: value.questionId },
  );
  if (!result.ok) {
    const reply =
      result.status === 400
        ? submission.reply({ fieldErrors: { kind: [result.message] } })
        : submission.reply({ formErrors: [result.message] });
    return invalid({ target, result: reply }, result.status);
  }
  return redirectAfterSuccess(
    context.config,
    `/staff/cycles/${cycle.slug}/fellowship/${form.id}`,
    msg("cycleAdmin.reportQuestions.saved"),
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ReportQuestionsPage() {
  const { cycle, form, questions, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (target: string) => (actionData?.target === target ? actionData.result : undefined);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.reportQuestions.heading", { form: form.title })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/fellowship`}>{t("cycleAdmin.nav.fellowship")}</Link> ·{" "}
        {t(REPORT_KIND_KEYS[form.kind])}. {t("cycleAdmin.reportQuestions.intro")}
      </p>
      {frozen ? <p className="notice">{t("cycleAdmin.reportQuestions.frozen")}</p> : null}
      <ol className="stack question-list">
        {questions.map((question, index) => (
          <li key={question.id} className="card">
            <p className="muted">
              {t(QUESTION_KIND_KEYS[question.kind])}
              {question.required ? ` · ${t("cycleAdmin.questions.required")}` : ""}
              {question.maxWords ? ` · ${t("cycleAdmin.questions.upToWords", { count: question.maxWords })}` : ""}
            </p>
            <h2 className="question-title">{question.label}</h2>
            <FormErrors errors={actionData?.target === question.id ? replyErrors(actionData.result) : undefined} />
            <Form method="post" className="actions">
              <input type="hidden" name="questionId" value={question.id} />
              <button type="submit" name="intent" value="move-up" className="secondary" disabled={index === 0}>
                {t("cycleAdmin.questions.moveUp")}
                <span className="visually-hidden">: {question.label}</span>
              </button>
              <button
                type="submit"
                name="intent"
                value="move-down"
                className="secondary"
                disabled={index === questions.length - 1}
              >
                {t("cycleAdmin.questions.moveDown")}
                <span className="visually-hidden">: {question.label}</span>
              </button>
              {!frozen ? (
                <button type="submit" name="intent" value="delete-question" className="danger">
                  {t("cycleAdmin.questions.remove")}
                  <span className="visually-hidden">: {question.label}</span>
                </button>
              ) : null}
            </Form>
            <details>
              <summary>{t("cycleAdmin.questions.edit")}</summary>
              <QuestionEditor
                question={question}
                frozen={frozen}
                lastResult={resultFor(question.id)}
                kinds={REPORT_QUESTION_KINDS}
                askIdentifying={false}
              />
            </details>
          </li>
        ))}
      </ol>
      {!frozen ? (
        <section className="card narrow" aria-labelledby="add-question">
          <h2 id="add-question">{t("cycleAdmin.questions.add")}</h2>
          <QuestionEditor
            frozen={frozen}
            defaultSection={t("cycleAdmin.reportQuestions.defaultSection")}
            lastResult={resultFor("new")}
            kinds={REPORT_QUESTION_KINDS}
            askIdentifying={false}
          />
        </section>
      ) : null}
    </div>
  );
}
