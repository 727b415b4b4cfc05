import { shownQuestions } from "~/applications/conditions";
import type { AnswerValue, Question } from "~/applications/questions";
import { redactIdentity } from "./redaction";

// Kept here too: callers and tests know redaction as part of the reviewer's view.
export { redactIdentity };

export interface ReviewerAnswer {
  id: string;
  label: string;
  text: string | null;
  file: { id: string; name: string } | null;
}

/**
 * What a reviewer may read of an application. In a blind cycle: no question marked identifying,
 * no link questions, files under a neutral name (served without their metadata), and the
 * applicant's name, and every link, address and handle, withheld from the remaining text.
 * Nothing else ever reaches the reviewer's page.
 */
export function reviewerAnswers(input: {
  questions: Question[];
  answers: Record<string, AnswerValue>;
  files: { id: string; questionId: string | null; filename: string }[];
  blind: boolean;
  identity: { name: string; email: string };
}): ReviewerAnswer[] {
  // A question hidden by its condition is not part of this application, whatever was once stored.
  const shown = shownQuestions(input.questions, input.answers);
  const visible = input.blind ? shown.filter((question) => !question.identifying && question.kind !== "url") : shown;
  return visible.map((question, index) => {
    const value = input.answers[question.id];
    if (question.kind === "file") {
      const file = input.files.find((candidate) => candidate.id === value && candidate.questionId === question.id);
      return {
        id: question.id,
        label: question.label,
        text: null,
        file: file ? { id: file.id, name: input.blind ? `document-${index + 1}.pdf` : file.filename } : null,
      };
    }
    const raw = value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    return {
      id: question.id,
      label: question.label,
      text: raw !== null && input.blind ? redactIdentity(raw, input.identity) : raw,
      file: null,
    };
  });
}
