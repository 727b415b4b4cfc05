import type { AnswerValue } from "#db/types";
import { describeCondition, shownQuestionIds } from "./conditions";
import { fieldName, type Question, type Step } from "./questions";

/** The choices made on a step's form, by question id (what decides the step's own conditional questions). */
export function answersOnStep(
  formData: FormData,
  questions: readonly Pick<Question, "id" | "kind">[],
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const question of questions) {
    if (question.kind === "single_choice") {
      const value = formData.get(fieldName(question));
      if (typeof value === "string" && value !== "") answers[question.id] = value;
    } else if (question.kind === "multi_choice") {
      answers[question.id] = formData.getAll(fieldName(question)).filter((value) => typeof value === "string");
    }
  }
  return answers;
}

/**
 * The questions a step shows for the stored answers: one hidden by an answer on an earlier step is
 * left out; one that depends on a choice on this same step is sent with a hint, so the page can
 * show or hide it as the applicant chooses (or, without JavaScript, show it with the hint).
 */
export function questionsForStep(step: Step, all: readonly Question[], answers: Record<string, AnswerValue>) {
  const shown = shownQuestionIds(all, answers);
  const onStep = new Set(step.questions.map((question) => question.id));
  const byId = new Map(all.map((question) => [question.id, question]));
  const conditionHints: Record<string, string> = {};
  const included = new Set<string>();
  // In form order, so a question's controller (always earlier) is decided before it.
  const questions = step.questions.filter((question) => {
    const condition = question.condition;
    const keep =
      condition && onStep.has(condition.questionId) ? included.has(condition.questionId) : shown.has(question.id);
    if (keep && condition && onStep.has(condition.questionId))
      conditionHints[question.id] =
        `${describeCondition(condition, byId.get(condition.questionId))}; otherwise leave it.`;
    if (keep) included.add(question.id);
    return keep;
  });
  return { ...step, questions, conditionHints };
}
