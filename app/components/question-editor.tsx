import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONDITION_OPERATOR_KEYS, CONDITION_OPERATORS } from "~/applications/conditions";
import { QUESTION_KIND_KEYS, QUESTION_KINDS, type Question, type QuestionKind } from "~/applications/questions";
import { QuestionActionSchema } from "~/cycles/cycles.schema";
import { ErrorList, Field, FormErrors } from "./forms";
import { useConformForm } from "./use-conform";

/** The form for one question of the builder: a new one, or an existing one with its version. */
export function QuestionEditor({
  question,
  lastResult,
  frozen,
  defaultSection,
  kinds = QUESTION_KINDS,
  askIdentifying = true,
  askStage = false,
  conditionTargets,
}: {
  question?: Question & { version: number };
  lastResult?: SubmissionResult<string[]> | null;
  frozen: boolean;
  defaultSection?: string;
  /** The kinds of answer offered (report forms ask for no files). */
  kinds?: readonly QuestionKind[];
  /** Whether to offer the "identifying" flag (it only means something for blind review). */
  askIdentifying?: boolean;
  /** Whether to offer "asked in the letter of intent" (cycle questions only). */
  askStage?: boolean;
  /** Choice questions this one may depend on ("show only when"); absent where conditions do not apply. */
  conditionTargets?: { id: string; label: string; options: string[] }[];
}) {
  const { t } = useTranslation();
  const id = question ? `question-${question.id}` : "new-question";
  const [form, fields] = useConformForm(QuestionActionSchema, {
    id,
    lastResult,
    defaultValue: question
      ? {
          section: question.section,
          kind: question.kind,
          label: question.label,
          help: question.help,
          required: question.required ? "on" : undefined,
          identifying: question.identifying ? "on" : undefined,
          inLoi: question.stage === "loi" ? "on" : undefined,
          maxWords: question.maxWords ? String(question.maxWords) : undefined,
          options: question.options.join("\n"),
          conditionQuestionId: question.condition?.questionId ?? "",
          conditionOperator: question.condition?.operator ?? "equals",
          conditionValues: question.condition?.values.join("\n") ?? "",
        }
      : { section: defaultSection ?? "", kind: "long_text" },
  });
  const f = fields as unknown as Record<
    | "section"
    | "kind"
    | "label"
    | "help"
    | "required"
    | "identifying"
    | "inLoi"
    | "maxWords"
    | "options"
    | "conditionQuestionId"
    | "conditionOperator"
    | "conditionValues",
    Parameters<typeof getInputProps>[0]
  >;
  const { key: kindKey, ...kindProps } = getSelectProps(f.kind);
  const { key: helpKey, ...helpProps } = getTextareaProps(f.help);
  const { key: optionsKey, ...optionsProps } = getTextareaProps(f.options);
  const { key: requiredKey, ...requiredProps } = getInputProps(f.required, { type: "checkbox" });
  const { key: identifyingKey, ...identifyingProps } = getInputProps(f.identifying, { type: "checkbox" });
  const { key: inLoiKey, ...inLoiProps } = getInputProps(f.inLoi, { type: "checkbox" });
  const meaningLocked = frozen && Boolean(question);
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {/* An unknown intent is the discriminator's error: shown with the form's own. */}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(form.allErrors["intent"] ?? [])]} />
      {question ? (
        <>
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
        </>
      ) : null}
      <Field
        label={t("cycleAdmin.questionEditor.section")}
        field={f.section}
        hint={t("cycleAdmin.questionEditor.sectionHint")}
      />
      <Field label={t("cycleAdmin.questionEditor.question")} field={f.label} />
      <div className="field">
        <label htmlFor={f.help.id}>{t("cycleAdmin.questionEditor.help")}</label>
        <textarea key={helpKey} {...helpProps} rows={2} />
        <ErrorList id={f.help.errorId} errors={f.help.errors} />
      </div>
      <div className="field">
        <label htmlFor={f.kind.id}>{t("cycleAdmin.questionEditor.kind")}</label>
        {meaningLocked ? <input type="hidden" name="kind" value={question?.kind} /> : null}
        <select key={kindKey} {...kindProps} disabled={meaningLocked}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(QUESTION_KIND_KEYS[kind])}
            </option>
          ))}
        </select>
        <ErrorList id={f.kind.errorId} errors={f.kind.errors} />
      </div>
      <Field
        label={t("cycleAdmin.questionEditor.maxWords")}
        field={f.maxWords}
        type="number"
        inputProps={{ readOnly: meaningLocked }}
      />
      <div className="field">
        <label htmlFor={f.options.id}>{t("cycleAdmin.questionEditor.options")}</label>
        <textarea key={optionsKey} {...optionsProps} rows={3} readOnly={meaningLocked} />
        <ErrorList id={f.options.errorId} errors={f.options.errors} />
      </div>
      <div className="field">
        <label className="choice">
          <input key={requiredKey} {...requiredProps} disabled={meaningLocked} />
          {t("cycleAdmin.questionEditor.required")}
        </label>
        {meaningLocked && question?.required ? <input type="hidden" name="required" value="on" /> : null}
        {askIdentifying ? (
          <label className="choice">
            <input key={identifyingKey} {...identifyingProps} />
            {t("cycleAdmin.questionEditor.identifying")}
          </label>
        ) : null}
        {askStage ? (
          <label className="choice">
            <input key={inLoiKey} {...inLoiProps} disabled={meaningLocked} />
            {t("cycleAdmin.questionEditor.inLoi")}
          </label>
        ) : null}
        {askStage && meaningLocked && question?.stage === "loi" ? (
          <input type="hidden" name="inLoi" value="on" />
        ) : null}
      </div>
      {conditionTargets ? <ConditionFields fields={f} targets={conditionTargets} locked={meaningLocked} /> : null}
      <div className="actions">
        <button
          type="submit"
          name="intent"
          value={question ? "update-question" : "add-question"}
          disabled={!question && frozen}
        >
          {question ? t("cycleAdmin.questionEditor.save") : t("cycleAdmin.questionEditor.add")}
        </button>
      </div>
    </Form>
  );
}

/** "Show only when": another question, how its answer is compared, and the answers that show this one. */
function ConditionFields({
  fields,
  targets,
  locked,
}: {
  fields: Record<"conditionQuestionId" | "conditionOperator" | "conditionValues", Parameters<typeof getInputProps>[0]>;
  targets: { id: string; label: string; options: string[] }[];
  locked: boolean;
}) {
  const { key: targetKey, ...targetProps } = getSelectProps(fields.conditionQuestionId);
  const { key: operatorKey, ...operatorProps } = getSelectProps(fields.conditionOperator);
  const { key: valuesKey, ...valuesProps } = getTextareaProps(fields.conditionValues);
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend className="fieldset-legend">{t("cycleAdmin.questionEditor.showWhen")}</legend>
      <p className="hint">
        {t("cycleAdmin.questionEditor.showWhenHint")}{" "}
        {targets.length === 0
          ? t("cycleAdmin.questionEditor.noTargets")
          : targets.map((target) => `“${target.label}”: ${target.options.join(" / ")}`).join("; ")}
      </p>
      <div className="field">
        <label htmlFor={fields.conditionQuestionId.id}>{t("cycleAdmin.questionEditor.dependsOn")}</label>
        <select key={targetKey} {...targetProps} disabled={locked}>
          <option value="">{t("cycleAdmin.questionEditor.always")}</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.label}
            </option>
          ))}
        </select>
        <ErrorList id={fields.conditionQuestionId.errorId} errors={fields.conditionQuestionId.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.conditionOperator.id}>{t("cycleAdmin.questionEditor.itsAnswer")}</label>
        <select key={operatorKey} {...operatorProps} disabled={locked}>
          {CONDITION_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {t(CONDITION_OPERATOR_KEYS[operator])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fields.conditionValues.id}>{t("cycleAdmin.questionEditor.values")}</label>
        <textarea key={valuesKey} {...valuesProps} rows={2} readOnly={locked} />
        <ErrorList id={fields.conditionValues.errorId} errors={fields.conditionValues.errors} />
      </div>
    </fieldset>
  );
}
