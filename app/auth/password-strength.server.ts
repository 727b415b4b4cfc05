import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * zxcvbn's scores run 0–4; 3 ("safely unguessable", about 10^10 guesses) is the first that holds
 * against an offline attack on a slow hash, which is what argon2id gives a stolen database.
 */
export const MIN_PASSWORD_SCORE = 3;

// The estimator's time grows steeply with length and with look-alike characters (measured: a
// 200-character password took 8 s with the defaults, on the event loop). The first 64 characters
// decide, with at most 4 l33t substitutions tried: ~0.3 s in the worst case measured, tens of ms
// for a usual password; p4ssw0rd and P@ssw0rd are still found.
const ESTIMATOR_OPTIONS = { maxLength: 64, l33tMaxSubstitutions: 4 };

// Server-only (the `.server` suffix keeps its ~1.5 MB of dictionaries out of the browser bundle);
// built on first use, since ranking the dictionaries takes a moment.
let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    ...ESTIMATOR_OPTIONS,
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** The words of a person's name and email address, so "their own name" counts as easy to guess. */
export function personalWords(person: { name?: string | null; email?: string | null }): string[] {
  const words = new Set<string>();
  const add = (text: string) => {
    const lower = text.toLowerCase().trim();
    // Öztürk is also typed Ozturk.
    const plain = lower.normalize("NFD").replace(/\p{M}+/gu, "");
    for (const form of new Set([lower, plain])) {
      if (form.length >= 3) words.add(form);
      for (const part of form.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
    }
  };
  if (person.name) {
    add(person.name);
    add(person.name.replace(/[^\p{L}\p{N}]+/gu, ""));
  }
  if (person.email) {
    const [local = "", domain = ""] = person.email.split("@");
    add(local);
    add(local.replace(/[^\p{L}\p{N}]+/gu, ""));
    add(domain.split(".")[0] ?? "");
  }
  return [...words];
}

export type PasswordStrength = { ok: true } | { ok: false; message: string };

/**
 * Whether a newly chosen password is hard enough to guess, and if not, what is wrong and what to
 * do, in the estimator's words. For passwords being chosen only: a sign-in never checks strength
 * (nobody is locked out of a password they already have).
 */
export function checkPasswordStrength(
  password: string,
  person: { name?: string | null; email?: string | null },
): PasswordStrength {
  const result = getEstimator().check(password, personalWords(person));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning ?? "It would be found quickly by guessing.";
  const suggestion = result.feedback.suggestions[0] ?? "Add more words that are less common.";
  return {
    ok: false,
    message: `This password is too easy to guess. ${warning} ${suggestion}`,
  };
}
