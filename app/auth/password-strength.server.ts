import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { msg, type MessageKey } from "~/i18n/message";

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
    translations: ADVICE_IDS,
  });
  return estimator;
}

type Translations = typeof english.translations;
type WarningId = keyof Translations["warnings"] | "guessable";
type SuggestionId = keyof Translations["suggestions"] | "anotherWord";

// The estimator's advice in every page language: its warnings and suggestions are catalog
// messages (passwordAdvice.*), so the estimator is given its own ids as "translations" and the
// message names them; the page that shows it translates (English is zxcvbn-ts's own wording).
const WARNINGS: Record<WarningId, MessageKey> = {
  straightRow: "passwordAdvice.warnings.straightRow",
  keyPattern: "passwordAdvice.warnings.keyPattern",
  simpleRepeat: "passwordAdvice.warnings.simpleRepeat",
  extendedRepeat: "passwordAdvice.warnings.extendedRepeat",
  sequences: "passwordAdvice.warnings.sequences",
  recentYears: "passwordAdvice.warnings.recentYears",
  dates: "passwordAdvice.warnings.dates",
  topTen: "passwordAdvice.warnings.topTen",
  topHundred: "passwordAdvice.warnings.topHundred",
  common: "passwordAdvice.warnings.common",
  similarToCommon: "passwordAdvice.warnings.similarToCommon",
  wordByItself: "passwordAdvice.warnings.wordByItself",
  namesByThemselves: "passwordAdvice.warnings.namesByThemselves",
  commonNames: "passwordAdvice.warnings.commonNames",
  userInputs: "passwordAdvice.warnings.userInputs",
  pwned: "passwordAdvice.warnings.pwned",
  guessable: "passwordAdvice.warnings.guessable",
};

const SUGGESTIONS: Record<SuggestionId, MessageKey> = {
  l33t: "passwordAdvice.suggestions.l33t",
  reverseWords: "passwordAdvice.suggestions.reverseWords",
  allUppercase: "passwordAdvice.suggestions.allUppercase",
  capitalization: "passwordAdvice.suggestions.capitalization",
  dates: "passwordAdvice.suggestions.dates",
  recentYears: "passwordAdvice.suggestions.recentYears",
  associatedYears: "passwordAdvice.suggestions.associatedYears",
  sequences: "passwordAdvice.suggestions.sequences",
  repeated: "passwordAdvice.suggestions.repeated",
  longerKeyboardPattern: "passwordAdvice.suggestions.longerKeyboardPattern",
  anotherWord: "passwordAdvice.suggestions.anotherWord",
  useWords: "passwordAdvice.suggestions.useWords",
  noNeed: "passwordAdvice.suggestions.noNeed",
  pwned: "passwordAdvice.suggestions.pwned",
};

const ids = <T extends string>(record: Record<T, MessageKey>) =>
  Object.fromEntries(Object.keys(record).map((id) => [id, id])) as Record<T, string>;

/** zxcvbn-ts "translations" whose every text is its own id (the time estimates stay unused). */
const ADVICE_IDS: Translations = {
  warnings: ids(WARNINGS),
  suggestions: ids(SUGGESTIONS),
  timeEstimation: english.translations.timeEstimation,
};

const isWarning = (id: string | null | undefined): id is WarningId => Boolean(id && id in WARNINGS);
const isSuggestion = (id: string | undefined): id is SuggestionId => Boolean(id && id in SUGGESTIONS);

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
 * do, in the estimator's words: a message (`msg`) the page shows in its language. For passwords being chosen only: a sign-in never checks strength
 * (nobody is locked out of a password they already have).
 */
export function checkPasswordStrength(
  password: string,
  person: { name?: string | null; email?: string | null },
): PasswordStrength {
  const result = getEstimator().check(password, personalWords(person));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = isWarning(result.feedback.warning) ? result.feedback.warning : "guessable";
  const suggestion = isSuggestion(result.feedback.suggestions[0]) ? result.feedback.suggestions[0] : "anotherWord";
  // The nested keys are named in the catalog's sentence ($t(passwordAdvice.warnings.{{warning}})).
  return { ok: false, message: msg("passwordAdvice.tooEasy", { warning, suggestion }) };
}
