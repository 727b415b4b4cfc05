import type { AnswerValue, QuestionCondition, QuestionKind, QuestionStage } from "#db/types";
import type { MessageKey } from "~/i18n/message";

export const QUESTION_KINDS = [
  "short_text",
  "long_text",
  "single_choice",
  "multi_choice",
  "url",
  "file",
] as const satisfies readonly QuestionKind[];
export type { AnswerValue, QuestionKind };

/** The kinds' names in the catalogs (the question builder's). */
export const QUESTION_KIND_KEYS: Record<QuestionKind, MessageKey> = {
  short_text: "cycleAdmin.kinds.shortText",
  long_text: "cycleAdmin.kinds.longText",
  single_choice: "cycleAdmin.kinds.singleChoice",
  multi_choice: "cycleAdmin.kinds.multiChoice",
  url: "cycleAdmin.kinds.url",
  file: "cycleAdmin.kinds.file",
};

export interface Question {
  id: string;
  section: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  maxWords: number | null;
  options: string[];
  /** What the choices show in the reader's language (same order as `options`, which stay the values). */
  optionLabels?: string[];
  identifying: boolean;
  /** Shown only when an earlier answer meets this (application questions only). */
  condition?: QuestionCondition | null;
  /** In a two-stage cycle, `loi` questions are asked in the letter of intent (and again, pre-filled, in the full form). */
  stage?: QuestionStage;
}

/** The form field of a question: `q_` and its id, so a field can never collide with `intent` or `version`. */
export function fieldName(question: Pick<Question, "id">): string {
  return `q_${question.id}`;
}

export function questionIdOf(field: string): string | null {
  return field.startsWith("q_") ? field.slice(2) : null;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

export interface Step {
  /** 1-based, as in the URL. */
  number: number;
  title: string;
  questions: Question[];
}

/** Consecutive questions of one section form a step of the form. */
export function groupIntoSteps(questions: Question[]): Step[] {
  const steps: Step[] = [];
  for (const question of questions) {
    const last = steps.at(-1);
    if (last && last.title === question.section) last.questions.push(question);
    else steps.push({ number: steps.length + 1, title: question.section, questions: [question] });
  }
  return steps;
}

export function isAnswered(question: Question, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return value.trim().length > 0;
}

/** The required questions left unanswered, for the review page before submitting. */
export function missingAnswers(questions: Question[], answers: Record<string, AnswerValue>): Question[] {
  return questions.filter((question) => question.required && !isAnswered(question, answers[question.id]));
}
