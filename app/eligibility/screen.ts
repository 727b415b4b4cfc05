// The eligibility screen of a cycle, pure: which answers qualify, and what to say to someone whose
// answers do not. Shared by the visitor's page and the tests; nothing here is stored about a person.

import { msg } from "~/i18n/message";

export interface EligibilityQuestion {
  id: string;
  label: string;
  help: string;
  options: string[];
  /** The options that qualify. */
  qualifying: string[];
  /** Said, kindly, when the answer does not qualify. */
  reason: string;
}

/** The form field of a screening question. */
export function eligibilityField(question: Pick<EligibilityQuestion, "id">): string {
  return `e_${question.id}`;
}

export type ScreenResult =
  | { kind: "incomplete"; fieldErrors: Record<string, string[]> }
  | { kind: "not-eligible"; reasons: { questionId: string; label: string; reason: string }[] }
  | { kind: "eligible" };

/** Checks the answers a visitor gave: an answer missing or not among the options is a field error. */
export function screen(questions: readonly EligibilityQuestion[], answers: Record<string, unknown>): ScreenResult {
  const fieldErrors: Record<string, string[]> = {};
  const reasons: { questionId: string; label: string; reason: string }[] = [];
  for (const question of questions) {
    const field = eligibilityField(question);
    const answer = answers[field];
    if (typeof answer !== "string" || answer === "") fieldErrors[field] = [msg("forms.errors.chooseAnswer")];
    else if (!question.options.includes(answer)) fieldErrors[field] = [msg("forms.errors.chooseOne")];
    else if (!question.qualifying.includes(answer))
      reasons.push({ questionId: question.id, label: question.label, reason: question.reason });
  }
  if (Object.keys(fieldErrors).length > 0) return { kind: "incomplete", fieldErrors };
  return reasons.length > 0 ? { kind: "not-eligible", reasons } : { kind: "eligible" };
}
