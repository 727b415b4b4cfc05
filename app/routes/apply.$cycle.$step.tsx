import { parseSubmission } from "~/utils/parse-submission";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo, useState, useSyncExternalStore } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { buildAnswersSchema } from "~/applications/answer-schema";
import { saveAnswers } from "~/applications/applications.server";
import { cycleView, loadApplyContext, type ApplyContext } from "~/applications/apply-context.server";
import { readFormWithUploads } from "~/applications/files.server";
import { answersOnStep, questionsForStep } from "~/applications/step-conditions";
import { shownQuestionIds } from "~/applications/conditions";
import { fieldName, questionIdOf, type Question } from "~/applications/questions";
import { readStepAnswers } from "~/applications/step-answers";
import { ApplySteps } from "~/components/apply-steps";
import { BlindReviewNotice } from "~/components/blind-review-notice";
import { FormErrors, replyErrors } from "~/components/forms";
import { QuestionField } from "~/components/question-field";
import { useAutosave, type AutosaveReply, type StepSave } from "~/components/use-autosave";
import { useLeaveWarning } from "~/components/use-leave-warning";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { forbidden, notFound } from "~/utils/http.server";

const STEP_KEY = /^(overview|about-you|references|review|\d{1,3})$/;

const ControlSchema = z
  .object({
    intent: z
      .enum(["save", "save-next", "save-back", "autosave"], { error: msg("forms.errors.unknownAction") })
      .optional(),
    // A step link of the page: it saves the step, then goes there.
    goto: z.string().regex(STEP_KEY, msg("apply.step.noSuchStep")).optional(),
    version: z.coerce
      .number({ error: msg("forms.errors.missingVersion") })
      .int()
      .min(0),
  })
  .refine((value) => value.intent || value.goto, { message: msg("forms.errors.unknownAction"), path: ["intent"] });

function currentStep(apply: ApplyContext, param: string | undefined) {
  const number = Number(param);
  const step = Number.isInteger(number) ? apply.steps.find((candidate) => candidate.number === number) : undefined;
  // A step of the full application, asked for by a letter of intent not (yet) invited.
  if (!step && Number.isInteger(number) && number >= 1 && number <= apply.heldSteps)
    forbidden(msg("apply.step.byInvitation"));
  if (!step) notFound(msg("apply.step.noSuchStep"));
  return step;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const apply = await loadApplyContext(request, context, params.cycle);
  const answers = apply.application?.answers ?? {};
  const step = questionsForStep(currentStep(apply, params.step), apply.questions, answers);
  const defaultValue: Record<string, string | string[]> = {};
  for (const question of step.questions) {
    const value = answers[question.id];
    if (value !== undefined && question.kind !== "file") defaultValue[fieldName(question)] = value;
  }
  const stepQuestionIds = new Set(step.questions.map((question) => question.id));
  return {
    title: await pageTitle(request, context, step.title, apply.cycle.name),
    cycle: cycleView(apply),
    steps: apply.steps.map((s) => ({ number: s.number, title: s.title })),
    step: {
      number: step.number,
      title: step.title,
      questions: step.questions,
      conditionHints: step.conditionHints,
      isLast: step.number === apply.steps.length,
    },
    defaultValue,
    files: apply.files.filter((file) => file.questionId && stepQuestionIds.has(file.questionId)),
    version: apply.application?.version ?? 0,
    savedAt: apply.application?.updatedAt.toISOString() ?? null,
    editable: apply.editable,
    status: apply.application?.status ?? null,
  };
}

/** Where a successful save goes: the button pressed, or the step link clicked. */
function nextPath(slug: string, step: number, steps: number, control: { intent?: string; goto?: string }): string {
  const base = `/apply/${slug}`;
  if (control.goto) {
    if (control.goto === "overview") return base;
    const number = Number(control.goto);
    if (Number.isInteger(number) && (number < 1 || number > steps)) return `${base}/${step}`;
    return `${base}/${control.goto}`;
  }
  if (control.intent === "save-next") return step < steps ? `${base}/${step + 1}` : `${base}/about-you`;
  if (control.intent === "save-back" && step > 1) return `${base}/${step - 1}`;
  return `${base}/${step}`;
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
      {
        kind: "form" as const,
        result: { status: "error" as const, error: { [read.field ?? ""]: [read.message] } },
        saved: null,
      },
      { status: read.status },
    );
  }
  const autosave = read.formData.get("intent") === "autosave";
  // Which questions of this step apply is decided by the answers as they will be once saved: the
  // stored ones with this step's choices. Hidden ones are neither checked nor kept.
  const stored = apply.application?.answers ?? {};
  const provisional = { ...stored, ...answersOnStep(read.formData, step.questions) };
  const shown = shownQuestionIds(apply.questions, provisional);
  const answers = readStepAnswers(
    read.formData,
    step.questions.filter((question) => shown.has(question.id)),
  );
  for (const question of step.questions)
    if (!shown.has(question.id) && question.kind !== "file") answers.answers[question.id] = null;
  const refuse = (message: string, status: number, fieldErrors?: Record<string, string[]>) =>
    autosave
      ? data({ kind: "autosave-refused", message } satisfies AutosaveReply, { status })
      : data(
          {
            kind: "form" as const,
            result: answers.submission.reply({ formErrors: [message], fieldErrors }),
            saved: null,
          },
          { status },
        );
  const stepIds = new Set(step.questions.map((question) => question.id));
  const unknown = [...read.formData.keys()].find((key) => {
    const id = questionIdOf(key);
    return id !== null && !stepIds.has(id);
  });
  if (unknown) return refuse(msg("apply.step.unknownQuestion"), 400);
  const control = parseSubmission(read.formData, { schema: ControlSchema });
  if (control.status !== "success")
    return refuse(replyErrors(control.reply())[0] ?? msg("forms.errors.unknownAction"), 400);

  // A first save with nothing valid to store creates no draft: the errors are all there is to say.
  const nothingToStore =
    !apply.application &&
    read.uploads.length === 0 &&
    Object.values(answers.answers).every((answer) => answer === null);
  if (answers.invalid > 0 && nothingToStore) {
    const saved: StepSave = { version: 0, savedAt: null, invalid: answers.invalid };
    if (autosave) return { kind: "autosaved", ...saved } satisfies AutosaveReply;
    return data({ kind: "form" as const, result: answers.submission.reply(), saved }, { status: 400 });
  }
  // Every valid answer is stored; the invalid ones keep their text in the form, with their errors.
  const result = await saveAnswers(context.db, {
    cycleId: apply.cycle.id,
    applicantId: apply.user.id,
    questions: step.questions,
    answers: answers.answers,
    uploads: read.uploads,
    version: control.value.version,
  });
  if (!result.ok) return refuse(result.message, result.status, result.fieldErrors);
  const saved: StepSave = { version: result.version, savedAt: result.savedAt.toISOString(), invalid: answers.invalid };
  if (autosave) return { kind: "autosaved", ...saved } satisfies AutosaveReply;
  if (answers.invalid > 0)
    return data({ kind: "form" as const, result: answers.submission.reply(), saved }, { status: 400 });
  // The step's own indicator says when it was saved; the redirect only rebuilds the page.
  return redirectAfterSuccess(
    context.config,
    nextPath(apply.cycle.slug, step.number, apply.steps.length, control.value),
  );
}

// A background save must not reload the page's data: the form would be rebuilt under the typist's fingers.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ApplyStep() {
  const {
    cycle,
    steps,
    step,
    defaultValue,
    files,
    version: loadedVersion,
    savedAt,
    editable,
    status,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const message = useMessage();
  const lastResult = actionData?.kind === "form" ? actionData.result : undefined;
  const lastSave = actionData?.kind === "form" ? (actionData.saved ?? undefined) : undefined;
  const schema = useMemo(() => buildAnswersSchema(step.questions, "draft"), [step.questions]);
  const formId = `step-${step.number}`;
  const shown = useShownOnStep(step.questions, defaultValue);
  const [form, fields] = useForm<Record<string, string | string[] | undefined>>({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // Fields are checked as they are left; a save always goes to the server, which stores every
    // valid answer and answers for the rest (a draft is never held back by one bad field).
    onValidate: ({ formData }) => parseWithZod(formData, { schema: isSave(formData) ? z.object({}) : schema }) as never,
  });
  const autosave = useAutosave(formId, { enabled: editable, version: loadedVersion, savedAt, lastSave });
  useLeaveWarning(editable && autosave.unsaved, t("apply.step.leaveWarning"));
  const hasFile = step.questions.some((question) => question.kind === "file");
  // Only answers reviewers will read are redacted: identifying questions and links never reach them.
  const redacted = step.questions.some(
    (question) => !question.identifying && ["short_text", "long_text", "file"].includes(question.kind),
  );
  return (
    <div className="stack">
      <h1>{step.title}</h1>
      <p className="muted">{cycle.name}</p>
      <ApplySteps
        slug={cycle.slug}
        steps={steps}
        current={step.number}
        saveWith={editable ? formId : undefined}
        readOnly={!editable}
        references={cycle.references}
      />
      {!editable ? (
        <p className="notice notice-warning">
          {status === "withdrawn"
            ? t("apply.step.withdrawn")
            : cycle.phase === "accepting"
              ? t("apply.noLongerChanged")
              : t("apply.step.deadlinePassed")}
        </p>
      ) : status === "submitted" ? (
        <p className="notice">{t("apply.step.submitted")}</p>
      ) : null}
      {cycle.blindReview && editable && redacted ? <BlindReviewNotice /> : null}
      <Form
        method="post"
        encType={hasFile ? "multipart/form-data" : undefined}
        {...getFormProps(form)}
        onChange={(event) => shown.update(event.currentTarget)}
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={autosave.version} />
        {step.questions.length === 0 ? <p className="notice">{t("apply.step.nothingToAnswer")}</p> : null}
        {step.questions.map((question) => {
          const hint = step.conditionHints[question.id];
          const hidden = !shown.isShown(question.id);
          return (
            <div key={question.id} hidden={hidden} className={hint ? "conditional-question" : undefined}>
              {hint && !shown.live ? <p className="hint">{hint}</p> : null}
              <QuestionField
                question={question}
                field={fields[fieldName(question)]!}
                currentFile={files.find((file) => file.questionId === question.id)}
                disabled={!editable || hidden}
              />
            </div>
          );
        })}
        {editable ? (
          <p className="save-status" role="status">
            {describeSave(autosave, { t, message, when: (iso) => format.dateTime(iso, cycle.timezone) })}
          </p>
        ) : null}
        {editable ? (
          <div className="actions">
            {step.number > 1 ? (
              <button type="submit" name="intent" value="save-back" className="secondary">
                {t("apply.step.saveBack")}
              </button>
            ) : null}
            <button type="submit" name="intent" value="save" className="secondary">
              {t("apply.step.saveDraft")}
            </button>
            <button type="submit" name="intent" value="save-next">
              {step.isLast ? t("apply.step.saveContinue") : t("apply.step.saveNext")}
            </button>
          </div>
        ) : null}
      </Form>
    </div>
  );
}

/**
 * Which questions of the step show, as the applicant chooses. Without JavaScript (and before the
 * page comes alive) every question the server sent shows, a conditional one with its hint; the
 * server then keeps only the answers that apply. With JavaScript the same rule runs on each change.
 */
function useShownOnStep(
  questions: readonly Pick<Question, "id" | "kind" | "condition">[],
  defaultValue: Record<string, string | string[]>,
) {
  // False while rendered on the server and hydrating, true once the page runs in a browser.
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [values, setValues] = useState<Record<string, string | string[]>>(() => answersFromDefaults(defaultValue));
  const shownIds = useMemo(() => shownQuestionIds(questions, values), [questions, values]);
  return {
    live,
    isShown: (id: string) => !live || shownIds.has(id),
    update: (form: HTMLFormElement) => setValues(answersOnStep(new FormData(form), questions)),
  };
}

const noSubscription = () => () => {};

function answersFromDefaults(defaultValue: Record<string, string | string[]>) {
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(defaultValue)) {
    const id = questionIdOf(name);
    if (id) answers[id] = value;
  }
  return answers;
}

/** Conform validates a field on blur with an intent; a save is every other submission. */
function isSave(formData: FormData): boolean {
  return !formData.has("__intent__");
}

/** The step's one save indicator: the last save (by the buttons or in the background) and what it left out. */
function describeSave(
  save: ReturnType<typeof useAutosave>,
  words: { t: TFunction; message: (text: string) => string; when: (iso: string) => string },
): string {
  const { t } = words;
  if (save.refusal) return words.message(save.refusal);
  if (save.saving) return t("apply.step.saving");
  const saved = save.savedAt ? t("apply.step.savedAt", { time: words.when(save.savedAt) }) : "";
  const left = save.invalid === 0 ? "" : t("apply.step.invalidLeft", { count: save.invalid });
  return [saved, left].filter(Boolean).join(" ");
}
