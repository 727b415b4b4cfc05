import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { conditionProblems, describeCondition } from "~/applications/conditions";
import { QUESTION_KIND_LABELS } from "~/applications/questions";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { QuestionEditor } from "~/components/question-editor";
import { QuestionActionSchema } from "~/cycles/cycles.schema";
import {
  addQuestion,
  deleteQuestion,
  listQuestions,
  moveQuestion,
  questionsFrozen,
  updateQuestion,
} from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { TranslationsForm } from "~/components/translations-form";
import { translationAction, withTranslations } from "~/i18n/content.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const [questions, frozen] = await Promise.all([
    listQuestions(context.db, cycle.id).then((list) => withTranslations(context.db, "question", list)),
    questionsFrozen(context.db, cycle.id),
  ]);
  const problems = conditionProblems(questions);
  const labels = new Map(questions.map((question) => [question.id, question]));
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    questions: (questions as ((typeof questions)[number] & { version: number })[]).map((question) => ({
      ...question,
      conditionText: question.condition
        ? describeCondition(question.condition, labels.get(question.condition.questionId))
        : null,
      problem: problems.find((problem) => problem.questionId === question.id)?.message ?? null,
    })),
    frozen,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const formData = await readFormData(request);
  if (formData.get("intent") === "translate")
    return translationAction(
      context,
      formData,
      staff.id,
      "question",
      cycle.id,
      `/staff/cycles/${cycle.slug}/questions`,
    );
  const submission = parseSubmission(formData, { schema: QuestionActionSchema });
  const target = String(formData.get("questionId") ?? "new");
  if (submission.status !== "success") return invalid({ target, result: submission.reply() });
  const value = submission.value;
  const result =
    value.intent === "add-question"
      ? await addQuestion(context.db, staff.id, cycle.id, value)
      : value.intent === "update-question"
        ? await updateQuestion(context.db, staff.id, cycle.id, value.questionId, value.version, value)
        : value.intent === "delete-question"
          ? await deleteQuestion(context.db, staff.id, cycle.id, value.questionId)
          : await moveQuestion(context.db, cycle.id, value.questionId, value.intent === "move-up" ? "up" : "down");
  if (!result.ok) {
    const errors = result.field
      ? { fieldErrors: { [result.field]: [result.message] } }
      : { formErrors: [result.message] };
    return invalid({ target, result: submission.reply(errors) }, result.status);
  }
  const messages = {
    "add-question": "Question added.",
    "update-question": "Question saved.",
    "delete-question": "Question removed.",
    "move-up": "Question moved.",
    "move-down": "Question moved.",
  } as const;
  return redirect(`/staff/cycles/${cycle.slug}/questions`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: messages[value.intent] }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Questions — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function QuestionsPage() {
  const { cycle, questions, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (target: string) => (actionData?.target === target ? actionData.result : undefined);
  const translationReply = actionData?.target.startsWith("translate:") ? actionData : undefined;
  const lastSection = questions.at(-1)?.section;
  // Any choice question may be offered; the server refuses one that comes later, and says why.
  const targetsFor = (id: string | null) =>
    questions
      .filter(
        (question) => question.id !== id && (question.kind === "single_choice" || question.kind === "multi_choice"),
      )
      .map((question) => ({ id: question.id, label: question.label, options: question.options }));
  return (
    <div className="stack">
      <h1>{`Questions of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      {frozen ? (
        <p className="notice">
          People have submitted applications, so the questions are frozen: you can edit wording, help and the
          identifying flag, and reorder them, but not add, remove or change what they ask for.
        </p>
      ) : null}
      <ol className="stack question-list">
        {questions.map((question, index) => (
          <li key={question.id} className="card">
            <p className="muted">
              {question.section} · {QUESTION_KIND_LABELS[question.kind]}
              {question.required ? " · required" : ""}
              {question.identifying ? " · identifying" : ""}
              {question.stage === "loi" ? " · letter of intent" : ""}
              {question.maxWords ? ` · up to ${question.maxWords} words` : ""}
            </p>
            <h2 className="question-title">{question.label}</h2>
            {question.conditionText ? <p className="hint">{question.conditionText}.</p> : null}
            {question.problem ? <p className="notice notice-warning">{question.problem}</p> : null}
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
                conditionTargets={targetsFor(question.id)}
                askStage
              />
            </details>
            <TranslationsForm
              itemId={question.id}
              itemName={question.label}
              translations={question.translations}
              reply={translationReply}
              fields={[
                { name: "label", label: "Question", original: question.label },
                { name: "help", label: "Help", original: question.help, multiline: true },
                ...(question.options.length
                  ? [
                      {
                        name: "options" as const,
                        label: "Choices, one per line",
                        original: question.options.join(" / "),
                      },
                    ]
                  : []),
              ]}
            />
          </li>
        ))}
      </ol>
      {!frozen ? (
        <section className="card narrow" aria-labelledby="add-question">
          <h2 id="add-question">Add a question</h2>
          <QuestionEditor
            frozen={frozen}
            defaultSection={lastSection}
            lastResult={resultFor("new")}
            conditionTargets={targetsFor(null)}
            askStage
          />
        </section>
      ) : null}
    </div>
  );
}
