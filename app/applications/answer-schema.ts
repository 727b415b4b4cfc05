import { z } from "zod";
import { msg } from "~/i18n/message";
import { countWords, fieldName, type Question } from "./questions";

export const MAX_SHORT_TEXT_CHARS = 300;
export const MAX_LONG_TEXT_CHARS = 12_000;

/**
 * The validation schema of an application form, derived from its questions, shared by the
 * browser and the server so both say the same thing. A draft may leave answers out; a
 * submission may not. Limits (words, URLs, known options) hold for drafts too: nothing invalid
 * is ever stored. File questions are checked apart from the form (their value is an upload).
 */
export function buildAnswersSchema(questions: Question[], mode: "draft" | "submit") {
  const shape: Record<string, z.ZodType> = {};
  for (const question of questions) {
    if (question.kind === "file") continue;
    shape[fieldName(question)] = answerSchema(question, mode === "submit" && question.required);
  }
  return z.object(shape);
}

function answerSchema(question: Question, required: boolean): z.ZodType {
  const missing = msg("forms.errors.answerMissing");
  switch (question.kind) {
    case "short_text":
    case "long_text": {
      const maxChars = question.kind === "short_text" ? MAX_SHORT_TEXT_CHARS : MAX_LONG_TEXT_CHARS;
      let text = z
        .string()
        .trim()
        .max(maxChars, msg("forms.errors.maxChars", { count: maxChars }));
      if (question.maxWords) {
        const limit = question.maxWords;
        text = text.refine((value) => countWords(value) <= limit, {
          message: msg("forms.errors.maxWords", { count: limit }),
        });
      }
      return required ? z.string({ error: missing }).pipe(text.pipe(z.string().min(1, missing))) : text.optional();
    }
    case "url": {
      const url = z
        .string()
        .trim()
        .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
        .pipe(z.url({ protocol: /^https?$/, error: msg("forms.errors.url") }));
      return required ? z.string({ error: missing }).pipe(url) : url.optional();
    }
    case "single_choice": {
      const choice = optionSchema(question.options, msg("forms.errors.chooseOne"));
      return required ? z.string({ error: missing }).pipe(choice) : choice.optional();
    }
    case "multi_choice": {
      // One ticked box arrives as a string, several as an array.
      const asList = (value: unknown) => (typeof value === "string" ? [value] : value);
      const choices = z.array(optionSchema(question.options, msg("forms.errors.chooseAmong")));
      return z.preprocess(
        asList,
        required ? z.array(z.string(), { error: missing }).min(1, missing).pipe(choices) : choices.optional(),
      );
    }
    case "file":
      return z.never();
  }
}

function optionSchema(options: string[], message: string): z.ZodType<string, string> {
  const [first, ...rest] = options;
  if (first === undefined) return z.string().refine(() => false, msg("forms.errors.noOptions"));
  return z.enum([first, ...rest], { error: message });
}

/** Turns parsed form values back into answers keyed by question id (empty answers are dropped). */
export function answersFromValues(questions: Question[], values: Record<string, unknown>) {
  const answers: Record<string, string | string[] | null> = {};
  for (const question of questions) {
    if (question.kind === "file") continue;
    const value = values[fieldName(question)];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      answers[question.id] = null;
    else answers[question.id] = value as string | string[];
  }
  return answers;
}
