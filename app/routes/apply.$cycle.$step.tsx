import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { answersFromValues, buildAnswersSchema } from "~/applications/answer-schema";
import { saveAnswers } from "~/applications/applications.server";
import { cycleView, loadApplyContext, type ApplyContext } from "~/applications/apply-context.server";
import { readFormWithUploads } from "~/applications/files.server";
import { fieldName, questionIdOf } from "~/applications/questions";
import { ApplySteps } from "~/components/apply-steps";
import { FormErrors } from "~/components/forms";
import { QuestionField } from "~/components/question-field";
import { useAutosave, type AutosaveReply } from "~/components/use-autosave";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { notFound } from "~/utils/http.server";

const ControlSchema = z.object({
  intent: z.enum(["save", "save-next", "save-back", "autosave"], { error: "That form action is not known." }),
  version: z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(0),
});

function currentStep(apply: ApplyContext, param: string | undefined) {
  const number = Number(param);
  const step = Number.isInteger(number) ? apply.steps.find((candidate) => candidate.number === number) : undefined;
  if (!step) notFound("That step of the application does not exist.");
  return step;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const step = currentStep(apply, params.step);
  const answers = apply.application?.answers ?? {};
  const defaultValue: Record<string, string | string[]> = {};
  for (const question of step.questions) {
    const value = answers[question.id];
    if (value !== undefined && question.kind !== "file") defaultValue[fieldName(question)] = value;
  }
  const stepQuestionIds = new Set(step.questions.map((question) => question.id));
  return {
    cycle: cycleView(apply),
    steps: apply.steps.map((s) => ({ number: s.number, title: s.title })),
    step: {
      number: step.number,
      title: step.title,
      questions: step.questions,
      isLast: step.number === apply.steps.length,
    },
    defaultValue,
    files: apply.files.filter((file) => file.questionId && stepQuestionIds.has(file.questionId)),
    version: apply.application?.version ?? 0,
    editable: apply.editable,
    status: apply.application?.status ?? null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const step = currentStep(apply, params.step);
  const fileQuestionIds = new Set(
    step.questions.filter((question) => question.kind === "file").map((question) => question.id),
  );
  const read = await readFormWithUploads(request, fileQuestionIds);
  if (!read.ok) {
    return data(
      { kind: "form" as const, result: { status: "error" as const, error: { [read.field ?? ""]: [read.message] } } },
      { status: read.status },
    );
  }
  const stepIds = new Set(step.questions.map((question) => question.id));
  const unknown = [...read.formData.keys()].find((key) => {
    const id = questionIdOf(key);
    return id !== null && !stepIds.has(id);
  });
  const schema = buildAnswersSchema(step.questions, "draft").extend(ControlSchema.shape);
  const submission = parseWithZod(read.formData, { schema });
  const intent = read.formData.get("intent");
  if (unknown) {
    return data(
      {
        kind: "form" as const,
        result: submission.reply({
          formErrors: ["The form names a question that is not on this step. Reload the page."],
        }),
      },
      { status: 400 },
    );
  }
  if (submission.status !== "success") {
    if (intent === "autosave")
      return data(
        {
          kind: "autosave-refused",
          message: "Some answers need fixing before they can be saved.",
        } satisfies AutosaveReply,
        { status: 400 },
      );
    return data({ kind: "form" as const, result: submission.reply() }, { status: 400 });
  }

  const result = await saveAnswers(context.db, {
    cycleId: apply.cycle.id,
    applicantId: apply.user.id,
    questions: step.questions,
    answers: answersFromValues(step.questions, submission.value),
    uploads: read.uploads,
    version: Number(submission.value.version),
  });
  if (submission.value.intent === "autosave") {
    if (!result.ok)
      return data({ kind: "autosave-refused", message: result.message } satisfies AutosaveReply, {
        status: result.status,
      });
    return {
      kind: "autosaved",
      version: result.version,
      savedAt: result.savedAt.toISOString(),
    } satisfies AutosaveReply;
  }
  if (!result.ok) {
    return data(
      {
        kind: "form" as const,
        result: submission.reply({ formErrors: [result.message], fieldErrors: result.fieldErrors }),
      },
      { status: result.status },
    );
  }

  const { intent: chosen } = submission.value;
  const next =
    chosen === "save-next"
      ? step.number < apply.steps.length
        ? `/apply/${apply.cycle.slug}/${step.number + 1}`
        : `/apply/${apply.cycle.slug}/about-you`
      : chosen === "save-back" && step.number > 1
        ? `/apply/${apply.cycle.slug}/${step.number - 1}`
        : `/apply/${apply.cycle.slug}/${step.number}`;
  const savedAt = formatDateTime(result.savedAt, apply.cycle.timezone);
  return redirect(next, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message: `Saved at ${savedAt}.` }) },
  });
}

// A background save must not reload the page's data: the form would be rebuilt under the typist's fingers.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.step.title} — ${data.cycle.name} — Open Web Fellows` : "Application — Open Web Fellows" },
];

export default function ApplyStep() {
  const {
    cycle,
    steps,
    step,
    defaultValue,
    files,
    version: loadedVersion,
    editable,
    status,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const schema = useMemo(() => buildAnswersSchema(step.questions, "draft"), [step.questions]);
  const formId = `step-${step.number}`;
  const [form, fields] = useForm<Record<string, string | string[] | undefined>>({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  const autosave = useAutosave(formId, { enabled: editable, version: loadedVersion });
  const hasFile = step.questions.some((question) => question.kind === "file");
  return (
    <div className="stack">
      <h1>{step.title}</h1>
      <p className="muted">{cycle.name}</p>
      <ApplySteps slug={cycle.slug} steps={steps} current={step.number} />
      {!editable ? (
        <p className="notice notice-warning">
          {cycle.phase === "accepting"
            ? "This application can no longer be changed."
            : "The deadline has passed: your answers are shown as they were saved."}
        </p>
      ) : status === "submitted" ? (
        <p className="notice">
          You have submitted this application. Changes you save here replace your answers until the deadline.
        </p>
      ) : null}
      <Form method="post" encType={hasFile ? "multipart/form-data" : undefined} {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={autosave.version} />
        {step.questions.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            field={fields[fieldName(question)]!}
            currentFile={files.find((file) => file.questionId === question.id)}
            disabled={!editable}
          />
        ))}
        <p className="save-status" aria-live="polite">
          {autosave.refusal ??
            (autosave.saving
              ? "Saving…"
              : autosave.savedAt
                ? `Draft saved at ${formatDateTime(autosave.savedAt, cycle.timezone)}.`
                : "")}
        </p>
        {editable ? (
          <div className="actions">
            {step.number > 1 ? (
              <button type="submit" name="intent" value="save-back" className="secondary">
                Save and go back
              </button>
            ) : null}
            <button type="submit" name="intent" value="save" className="secondary">
              Save draft
            </button>
            <button type="submit" name="intent" value="save-next">
              {step.isLast ? "Save and continue" : "Save and go to the next step"}
            </button>
          </div>
        ) : null}
      </Form>
    </div>
  );
}
