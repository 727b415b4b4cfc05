import { parseSubmission } from "~/utils/parse-submission";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { QUESTION_KIND_LABELS, QUESTION_KINDS } from "~/applications/questions";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { QuestionEditor } from "~/components/question-editor";
import { QuestionActionSchema } from "~/cycles/cycles.schema";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { REPORT_KIND_LABELS } from "~/fellowships/lifecycle";
import { listReportQuestions, reportQuestionsFrozen, writeReportQuestion } from "~/fellowships/report-questions.server";
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
  if (!form) notFound("We could not find that report form.");
  return { staff, cycle, form };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, form } = await load(request, context, params);
  const [questions, frozen] = await Promise.all([
    listReportQuestions(context.db, form.id),
    reportQuestionsFrozen(context.db, form.id),
  ]);
  return { cycle: { slug: cycle.slug, name: cycle.name }, form, questions, frozen };
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
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/fellowship/${form.id}`, "Questions saved.");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.form.title ?? "Report"} — Staff — Open Web Fellows` },
];

export default function ReportQuestionsPage() {
  const { cycle, form, questions, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (target: string) => (actionData?.target === target ? actionData.result : undefined);
  return (
    <div className="stack">
      <h1>{`${form.title}: questions`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/fellowship`}>Fellowship year</Link> · {REPORT_KIND_LABELS[form.kind]}.
        Questions work as on the application form.
      </p>
      {frozen ? (
        <p className="notice">
          Fellows have submitted this report: you can reword questions, not change what they ask.
        </p>
      ) : null}
      <ol className="stack question-list">
        {questions.map((question, index) => (
          <li key={question.id} className="card">
            <p className="muted">
              {QUESTION_KIND_LABELS[question.kind]}
              {question.required ? " · required" : ""}
              {question.maxWords ? ` · up to ${question.maxWords} words` : ""}
            </p>
            <h2 className="question-title">{question.label}</h2>
            <FormErrors errors={actionData?.target === question.id ? replyErrors(actionData.result) : undefined} />
            <Form method="post" className="actions">
              <input type="hidden" name="questionId" value={question.id} />
              <button type="submit" name="intent" value="move-up" className="secondary" disabled={index === 0}>
                Move up<span className="visually-hidden">: {question.label}</span>
              </button>
              <button
                type="submit"
                name="intent"
                value="move-down"
                className="secondary"
                disabled={index === questions.length - 1}
              >
                Move down<span className="visually-hidden">: {question.label}</span>
              </button>
              {!frozen ? (
                <button type="submit" name="intent" value="delete-question" className="danger">
                  Remove<span className="visually-hidden">: {question.label}</span>
                </button>
              ) : null}
            </Form>
            <details>
              <summary>Edit this question</summary>
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
          <h2 id="add-question">Add a question</h2>
          <QuestionEditor
            frozen={frozen}
            defaultSection="Report"
            lastResult={resultFor("new")}
            kinds={REPORT_QUESTION_KINDS}
            askIdentifying={false}
          />
        </section>
      ) : null}
    </div>
  );
}
