import { parseSubmission } from "~/utils/parse-submission";
import { answersFromValues, buildAnswersSchema } from "./answer-schema";
import { fieldName, type Question } from "./questions";

/**
 * Reads one step of the form for a draft save. Every valid answer is kept and every invalid one
 * is left as it was stored, with its message, so one bad field never costs the answers beside
 * it. `submission` is the whole step as typed (for the reply that keeps the text in the form).
 */
export function readStepAnswers(formData: FormData, questions: Question[]) {
  const submission = parseSubmission(formData, { schema: buildAnswersSchema(questions, "draft") });
  const errors: Record<string, string[] | null> = submission.status === "error" ? (submission.error ?? {}) : {};
  const invalid = new Set(
    Object.entries(errors)
      .filter(([name, messages]) => name !== "" && (messages?.length ?? 0) > 0)
      .map(([name]) => name),
  );
  const valid = questions.filter((question) => question.kind !== "file" && !invalid.has(fieldName(question)));
  const parsed = parseSubmission(formData, { schema: buildAnswersSchema(valid, "draft") });
  // Each field was checked alone above, so what is left parses; anything else is a bug, not input.
  if (parsed.status !== "success") throw new Error("valid answers failed to parse");
  return { submission, answers: answersFromValues(valid, parsed.value), invalid: invalid.size };
}
