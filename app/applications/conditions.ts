import type { AnswerValue, QuestionCondition } from "#db/types";
import { msg, type MessageKey } from "~/i18n/message";
import { groupIntoSteps, type Question } from "./questions";

export type { QuestionCondition };

// Conditional questions: a question shown only when an earlier answer calls for it. Pure, so the
// server (saving, submitting, showing to reviewers) and the browser (the step being typed) decide
// the same way from the same answers.

export const CONDITION_OPERATORS = ["equals", "includes"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** The operators' names in the catalogs (the question builder's). */
export const CONDITION_OPERATOR_KEYS: Record<ConditionOperator, MessageKey> = {
  equals: "cycleAdmin.conditions.equals",
  includes: "cycleAdmin.conditions.includes",
};

/** Whether one answer meets a condition: `equals` compares a single answer, `includes` looks inside a list of choices. */
export function conditionMet(condition: QuestionCondition, answer: AnswerValue | undefined | null): boolean {
  if (answer === undefined || answer === null) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  if (condition.operator === "equals" && Array.isArray(answer) && answer.length !== 1) return false;
  return given.some((value) => condition.values.includes(value.trim()));
}

/**
 * The ids of the questions shown for these answers. A question is shown when it has no condition,
 * or when the question it depends on is itself shown and its answer meets the condition (so a
 * chain hides together). A condition on a question that no longer exists hides nothing: losing a
 * question must never silently drop another one (the builder reports the broken condition).
 */
export function shownQuestionIds(
  questions: readonly Pick<Question, "id" | "condition">[],
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): Set<string> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const memo = new Map<string, boolean>();
  const visit = (id: string, path: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const question = byId.get(id);
    const condition = question?.condition;
    let shown: boolean;
    if (!question || !condition) shown = true;
    else if (!byId.has(condition.questionId)) shown = true;
    else if (path.has(condition.questionId))
      shown = false; // a cycle (refused by the builder) shows nothing rather than looping
    else
      shown =
        visit(condition.questionId, new Set([...path, id])) && conditionMet(condition, answers[condition.questionId]);
    memo.set(id, shown);
    return shown;
  };
  return new Set(questions.filter((question) => visit(question.id, new Set())).map((question) => question.id));
}

/** The questions shown for these answers, in order. */
export function shownQuestions<Q extends Pick<Question, "id" | "condition">>(
  questions: readonly Q[],
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): Q[] {
  const shown = shownQuestionIds(questions, answers);
  return questions.filter((question) => shown.has(question.id));
}

/** Answers with those of hidden questions removed: what is stored, checked and shown to reviewers. */
export function withoutHiddenAnswers(
  questions: readonly Pick<Question, "id" | "condition">[],
  answers: Readonly<Record<string, AnswerValue>>,
): { answers: Record<string, AnswerValue>; cleared: string[] } {
  const shown = shownQuestionIds(questions, answers);
  const kept: Record<string, AnswerValue> = {};
  const cleared: string[] = [];
  const conditional = new Set(questions.filter((question) => question.condition).map((question) => question.id));
  for (const [id, value] of Object.entries(answers)) {
    if (conditional.has(id) && !shown.has(id)) cleared.push(id);
    else kept[id] = value;
  }
  return { answers: kept, cleared };
}

export interface ConditionProblem {
  questionId: string;
  /** A catalog message (`msg`), translated where it is shown. */
  message: string;
}

/**
 * What is wrong with the conditions of a question list (in form order): a condition on a question
 * that does not exist, on a question that is not a choice, on a question that comes later (a later
 * stage: a letter-of-intent question on one only the full application asks; a later step, or later
 * on the same step), or a cycle. The builder refuses any change that leaves one.
 */
export function conditionProblems(questions: readonly Question[]): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const index = new Map(questions.map((question, at) => [question.id, at]));
  const stepOf = new Map<string, number>();
  for (const step of groupIntoSteps([...questions]))
    for (const question of step.questions) stepOf.set(question.id, step.number);
  for (const question of questions) {
    const condition = question.condition;
    if (!condition) continue;
    const target = byId.get(condition.questionId);
    const name = question.label;
    if (!target) {
      problems.push({ questionId: question.id, message: msg("cycleAdmin.conditions.removed", { name }) });
      continue;
    }
    const cycle = findCycle(question.id, byId);
    if (cycle) {
      problems.push({
        questionId: question.id,
        message: msg("cycleAdmin.conditions.loop", {
          name,
          loop: cycle.map((id) => `“${byId.get(id)?.label}”`).join(" → "),
        }),
      });
      continue;
    }
    if (target.kind !== "single_choice" && target.kind !== "multi_choice") {
      problems.push({
        questionId: question.id,
        message: msg("cycleAdmin.conditions.notChoice", { name, target: target.label }),
      });
      continue;
    }
    if (question.stage === "loi" && target.stage !== "loi") {
      problems.push({
        questionId: question.id,
        message: msg("cycleAdmin.conditions.laterStage", { name, target: target.label }),
      });
      continue;
    }
    if ((stepOf.get(target.id) ?? 0) > (stepOf.get(question.id) ?? 0)) {
      problems.push({
        questionId: question.id,
        message: msg("cycleAdmin.conditions.laterStep", { name, target: target.label }),
      });
      continue;
    }
    if ((index.get(target.id) ?? 0) > (index.get(question.id) ?? 0)) {
      problems.push({
        questionId: question.id,
        message: msg("cycleAdmin.conditions.comesAfter", { name, target: target.label }),
      });
      continue;
    }
    const unknown = condition.values.filter((value) => !target.options.includes(value));
    if (condition.values.length === 0 || unknown.length > 0) {
      problems.push({
        questionId: question.id,
        message:
          condition.values.length === 0
            ? msg("cycleAdmin.conditions.noValues", { name })
            : msg("cycleAdmin.conditions.notAnOption", { name, values: unknown.join("”, “"), target: target.label }),
      });
    }
  }
  return problems;
}

function findCycle(start: string, byId: Map<string, Pick<Question, "id" | "condition">>): string[] | null {
  const path: string[] = [start];
  let current = byId.get(start)?.condition?.questionId;
  while (current !== undefined) {
    if (current === start) return [...path, start];
    if (path.includes(current)) return null; // a loop further on, reported for its own members
    path.push(current);
    current = byId.get(current)?.condition?.questionId;
  }
  return null;
}

/** How a condition reads to a person, for the builder's list and the form's hint. */
export function describeCondition(condition: QuestionCondition, target: Pick<Question, "label"> | undefined): string {
  if (!target) return "Shown depending on a question that was removed";
  const values = condition.values.map((value) => `“${value}”`).join(" or ");
  return condition.operator === "includes"
    ? `Shown when “${target.label}” includes ${values}`
    : `Shown when the answer to “${target.label}” is ${values}`;
}
