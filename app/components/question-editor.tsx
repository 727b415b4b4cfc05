import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CONDITION_OPERATOR_LABELS, CONDITION_OPERATORS } from "~/applications/conditions";
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type Question, type QuestionKind } from "~/applications/questions";
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
      <FormErrors id={form.errorId} errors={form.errors} />
      {question ? (
        <>
          <input type="hidden" name="questionId" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
        </>
      ) : null}
      <Field
        label="Step (section) it appears on"
        field={f.section}
        hint="Questions with the same step name next to each other form one page of the form."
      />
      <Field label="Question" field={f.label} />
      <div className="field">
        <label htmlFor={f.help.id}>Help text (optional)</label>
        <textarea key={helpKey} {...helpProps} rows={2} />
        <ErrorList id={f.help.errorId} errors={f.help.errors} />
      </div>
      <div className="field">
        <label htmlFor={f.kind.id}>Kind of answer</label>
        {meaningLocked ? <input type="hidden" name="kind" value={question?.kind} /> : null}
        <select key={kindKey} {...kindProps} disabled={meaningLocked}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {QUESTION_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <ErrorList id={f.kind.errorId} errors={f.kind.errors} />
      </div>
      <Field
        label="Word limit (text answers, optional)"
        field={f.maxWords}
        type="number"
        inputProps={{ readOnly: meaningLocked }}
      />
      <div className="field">
        <label htmlFor={f.options.id}>Options (choices, one per line)</label>
        <textarea key={optionsKey} {...optionsProps} rows={3} readOnly={meaningLocked} />
        <ErrorList id={f.options.errorId} errors={f.options.errors} />
      </div>
      <div className="field">
        <label className="choice">
          <input key={requiredKey} {...requiredProps} disabled={meaningLocked} />
          Required
        </label>
        {meaningLocked && question?.required ? <input type="hidden" name="required" value="on" /> : null}
        {askIdentifying ? (
          <label className="choice">
            <input key={identifyingKey} {...identifyingProps} />
            Identifying: hidden from reviewers in a blind cycle
          </label>
        ) : null}
        {askStage ? (
          <label className="choice">
            <input key={inLoiKey} {...inLoiProps} disabled={meaningLocked} />
            Asked in the letter of intent (two-stage cycles; the full application asks it again, pre-filled)
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
          {question ? "Save question" : "Add question"}
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
  return (
    <fieldset className="field">
      <legend className="fieldset-legend">Show this question only when (optional)</legend>
      <p className="hint">
        Depend on a choice question on an earlier step (or earlier on the same step). The options are:{" "}
        {targets.length === 0
          ? "none yet."
          : targets.map((target) => `“${target.label}”: ${target.options.join(" / ")}`).join("; ")}
      </p>
      <div className="field">
        <label htmlFor={fields.conditionQuestionId.id}>Question it depends on</label>
        <select key={targetKey} {...targetProps} disabled={locked}>
          <option value="">Always show this question</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.label}
            </option>
          ))}
        </select>
        <ErrorList id={fields.conditionQuestionId.errorId} errors={fields.conditionQuestionId.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.conditionOperator.id}>Its answer</label>
        <select key={operatorKey} {...operatorProps} disabled={locked}>
          {CONDITION_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {CONDITION_OPERATOR_LABELS[operator]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fields.conditionValues.id}>Answers that show this question (one per line)</label>
        <textarea key={valuesKey} {...valuesProps} rows={2} readOnly={locked} />
        <ErrorList id={fields.conditionValues.errorId} errors={fields.conditionValues.errors} />
      </div>
    </fieldset>
  );
}
