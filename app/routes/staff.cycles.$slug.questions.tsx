import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { conditionProblems } from "~/applications/conditions";
import { QUESTION_KIND_KEYS } from "~/applications/questions";
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
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage, type MessageKey } from "~/i18n/message";
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
    title: await pageTitle(request, context, msg("cycleAdmin.questions.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name },
    questions: (questions as ((typeof questions)[number] & { version: number })[]).map((question) => ({
      ...question,
      // Translated on the page: the question it depends on (by its label, if it still exists) and how.
      conditionShown: question.condition
        ? {
            operator: question.condition.operator,
            values: question.condition.values,
            target: labels.get(question.condition.questionId)?.label ?? null,
          }
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
  const messages: Record<typeof value.intent, MessageKey> = {
    "add-question": "cycleAdmin.questions.added",
    "update-question": "cycleAdmin.questions.saved",
    "delete-question": "cycleAdmin.questions.removed",
    "move-up": "cycleAdmin.questions.moved",
    "move-down": "cycleAdmin.questions.moved",
  };
  return redirect(`/staff/cycles/${cycle.slug}/questions`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg(messages[value.intent]) }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

type ConditionShown = { operator: "equals" | "includes"; values: string[]; target: string | null };

/** "Shown when the answer to “…” is “a” or “b”", in the page's language. */
function useConditionText() {
  const { t } = useTranslation();
  return (condition: ConditionShown) => {
    if (condition.target === null) return t("cycleAdmin.questions.conditionRemoved");
    const values = condition.values.map((value) => `“${value}”`).join(t("cycleAdmin.questions.or"));
    return condition.operator === "includes"
      ? t("cycleAdmin.questions.conditionIncludes", { question: condition.target, values })
      : t("cycleAdmin.questions.conditionEquals", { question: condition.target, values });
  };
}

export default function QuestionsPage() {
  const { cycle, questions, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (target: string) => (actionData?.target === target ? actionData.result : undefined);
  const translationReply = actionData?.target.startsWith("translate:") ? actionData : undefined;
  const lastSection = questions.at(-1)?.section;
  const { t } = useTranslation();
  const message = useMessage();
  const conditionText = useConditionText();
  // Any choice question may be offered; the server refuses one that comes later, and says why.
  const targetsFor = (id: string | null) =>
    questions
      .filter(
        (question) => question.id !== id && (question.kind === "single_choice" || question.kind === "multi_choice"),
      )
      .map((question) => ({ id: question.id, label: question.label, options: question.options }));
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.questions.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      {frozen ? <p className="notice">{t("cycleAdmin.questions.frozen")}</p> : null}
      <ol className="stack question-list">
        {questions.map((question, index) => (
          <li key={question.id} className="card">
            <p className="muted">
              {question.section} · {t(QUESTION_KIND_KEYS[question.kind])}
              {question.required ? ` · ${t("cycleAdmin.questions.required")}` : ""}
              {question.identifying ? ` · ${t("cycleAdmin.questions.identifying")}` : ""}
              {question.stage === "loi" ? ` · ${t("cycleAdmin.questions.letterOfIntent")}` : ""}
              {question.maxWords ? ` · ${t("cycleAdmin.questions.upToWords", { count: question.maxWords })}` : ""}
            </p>
            <h2 className="question-title">{question.label}</h2>
            {question.conditionShown ? <p className="hint">{conditionText(question.conditionShown)}.</p> : null}
            {question.problem ? <p className="notice notice-warning">{message(question.problem)}</p> : null}
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
                { name: "label", label: t("cycleAdmin.questions.question"), original: question.label },
                { name: "help", label: t("cycleAdmin.questions.help"), original: question.help, multiline: true },
                ...(question.options.length
                  ? [
                      {
                        name: "options" as const,
                        label: t("cycleAdmin.questions.choices"),
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
          <h2 id="add-question">{t("cycleAdmin.questions.add")}</h2>
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
