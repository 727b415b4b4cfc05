import { z } from "zod";
import { msg } from "~/i18n/message";
import type { ApplicationStatus, ReferenceStatus } from "#db/types";

/**
 * Reference letters, pure: the questions a referee answers, the deadlines, when a reminder is
 * due, and what an application still lacks. The database and the emails are in
 * `references.server.ts`.
 */

/** A referee's link lives this long, and never past the reference deadline; a reminder issues a new one. */
export const LINK_TTL_DAYS = 30;
/** Without a reference deadline of its own, letters are taken this long after the application deadline. */
export const DEFAULT_REFERENCE_GRACE_DAYS = 14;
/** Scheduled reminders: the first this many days after the request, then as often again, at most three. */
export const REMINDER_EVERY_DAYS = 7;
export const MAX_SCHEDULED_REMINDERS = 3;
/** An applicant may remind a referee by hand once in this many hours. */
export const HAND_REMINDER_EVERY_HOURS = 24;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a referee is asked when the cycle has no questions of its own: short, and useful to a
 * panel whatever the program.
 */
export const REFEREE_QUESTIONS = [
  { key: "capacity", label: "How do you know the applicant, and for how long?", maxLength: 2000 },
  { key: "strengths", label: "What would the applicant bring to this fellowship?", maxLength: 5000 },
  { key: "concerns", label: "Is there anything the panel should weigh with care? (optional)", maxLength: 5000 },
] as const;
export type RefereeQuestionKey = (typeof REFEREE_QUESTIONS)[number]["key"];

/** When letters stop being taken: the cycle's reference deadline, or two weeks after its application deadline. */
export function referenceDeadline(cycle: { closesAt: Date | string; referenceDeadline: Date | string | null }): Date {
  if (cycle.referenceDeadline) return new Date(cycle.referenceDeadline);
  return new Date(new Date(cycle.closesAt).getTime() + DEFAULT_REFERENCE_GRACE_DAYS * DAY_MS);
}

/** A new link's expiry: {@link LINK_TTL_DAYS} from now, or the reference deadline if sooner. */
export function linkExpiry(deadline: Date, now: Date): Date {
  return new Date(Math.min(deadline.getTime(), now.getTime() + LINK_TTL_DAYS * DAY_MS));
}

/** What the emailed link finds, in the order the referee's page checks it. */
export type LinkState = "open" | "received" | "revoked" | "expired" | "withdrawn";

export function linkState(
  request: { status: ReferenceStatus; expiresAt: Date },
  context: { applicationWithdrawn: boolean; deadline: Date; now: Date },
): LinkState {
  if (request.status === "received") return "received";
  if (request.status === "revoked") return "revoked";
  if (context.applicationWithdrawn) return "withdrawn";
  if (context.now >= request.expiresAt || context.now >= context.deadline) return "expired";
  return "open";
}

/** A requested letter is overdue this many days after the request, or once the application deadline has passed. */
export const OVERDUE_AFTER_DAYS = 14;

/** What staff see of a request (the applicant sees only requested or received). */
export type ReferenceProgress = "requested" | "received" | "overdue";

export function referenceProgress(
  request: { status: ReferenceStatus; createdAt: Date },
  closesAt: Date,
  now: Date,
): ReferenceProgress {
  if (request.status === "received") return "received";
  const late = now.getTime() - request.createdAt.getTime() >= OVERDUE_AFTER_DAYS * DAY_MS;
  return late || now >= closesAt ? "overdue" : "requested";
}

/**
 * Whether the schedule owes this request a reminder now: every {@link REMINDER_EVERY_DAYS} days
 * after the last email (the request or a reminder), at most {@link MAX_SCHEDULED_REMINDERS}, and
 * only while the link could still be used.
 */
export function scheduledReminderDue(
  request: { createdAt: Date; lastRemindedAt: Date | null; remindersSent: number },
  deadline: Date,
  now: Date,
): boolean {
  if (request.remindersSent >= MAX_SCHEDULED_REMINDERS || now >= deadline) return false;
  const last = request.lastRemindedAt ?? request.createdAt;
  return now.getTime() - last.getTime() >= REMINDER_EVERY_DAYS * DAY_MS;
}

/** Seconds until the applicant may remind this referee by hand again (0: now). */
export function handReminderWait(lastEmailAt: Date, now: Date): number {
  const next = lastEmailAt.getTime() + HAND_REMINDER_EVERY_HOURS * 60 * 60 * 1000;
  return Math.max(0, Math.ceil((next - now.getTime()) / 1000));
}

/** What an application still lacks, in words an applicant and staff both read. */
export interface Missing {
  answers: string[];
  files: string[];
  /** References still to arrive before the minimum is met. */
  references: number;
}

export function missingItems(input: {
  questions: { id: string; label: string; kind: string; required: boolean }[];
  /** Only the questions shown to this applicant (conditions applied). */
  answers: Record<string, unknown>;
  referencesMin: number;
  referencesReceived: number;
}): Missing {
  const unanswered = input.questions.filter((question) => {
    if (!question.required) return false;
    const value = input.answers[question.id];
    return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
  });
  return {
    answers: unanswered.filter((question) => question.kind !== "file").map((question) => question.label),
    files: unanswered.filter((question) => question.kind === "file").map((question) => question.label),
    references: Math.max(0, input.referencesMin - input.referencesReceived),
  };
}

export function isComplete(missing: Missing): boolean {
  return missing.answers.length === 0 && missing.files.length === 0 && missing.references === 0;
}

/** One line for a list: "2 answers, 1 file, 1 reference" (empty when nothing is missing). */
export function describeMissing(missing: Missing): string {
  const parts: string[] = [];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (missing.answers.length) parts.push(count(missing.answers.length, "answer"));
  if (missing.files.length) parts.push(count(missing.files.length, "file"));
  if (missing.references) parts.push(count(missing.references, "reference"));
  return parts.join(", ");
}

/**
 * What staff read of an application's completeness at its stage. A letter of intent lacks only the
 * letter's own answers (`missing` is computed against those); it is never "missing references",
 * which are asked only after an invitation. `summary` is what is missing ("" when nothing is);
 * `note` says where a letter of intent stands instead of "Complete".
 */
export function stageCompleteness(
  status: ApplicationStatus,
  missing: Missing,
): { stage: "loi" | "full"; summary: string; note: string | null } {
  const lacks = describeMissing(missing);
  if (status === "not_invited")
    return { stage: "loi", summary: "", note: "Not invited to the full application: nothing more is asked" };
  if (status === "loi_draft")
    return {
      stage: "loi",
      summary: lacks ? `${lacks} (letter of intent)` : "",
      note: lacks ? null : "Letter of intent written, not submitted",
    };
  if (status === "loi_submitted")
    return {
      stage: "loi",
      summary: lacks ? `${lacks} (letter of intent)` : "",
      note: lacks ? null : "Letter of intent submitted: references are asked after an invitation",
    };
  return { stage: "full", summary: lacks, note: null };
}

/** The name a letter is offered under. In a blind cycle it says nothing of the applicant or referee. */
export function letterDownloadName(filename: string, blind: boolean, index: number): string {
  return blind ? `reference-letter-${index}.pdf` : filename;
}

const name = z
  .string({ error: msg("references.errors.nameEnter") })
  .trim()
  .min(2, msg("references.errors.nameEnter"))
  .max(120, msg("forms.errors.maxChars", { count: 120 }));
const email = z
  .string({ error: msg("references.errors.emailEnter") })
  .trim()
  .max(254, msg("forms.errors.maxChars", { count: 254 }))
  .pipe(z.email({ error: msg("forms.errors.emailInvalid") }));
const relationship = z
  .string({ error: msg("references.errors.relationshipEnter") })
  .trim()
  .min(2, msg("references.errors.relationshipEnter"))
  .max(200, msg("forms.errors.maxChars", { count: 200 }));

/** The applicant's references page: name a referee, remind one, or replace one. */
export const ReferenceActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add-referee"), name, email, relationship }),
    z.object({ intent: z.literal("remind"), requestId: z.uuid({ error: msg("references.errors.chooseReferee") }) }),
    z.object({
      intent: z.literal("replace"),
      requestId: z.uuid({ error: msg("references.errors.chooseReferee") }),
      name,
      email,
      relationship,
    }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
export type ReferenceAction = z.output<typeof ReferenceActionSchema>;

/** A question a referee is asked: the cycle's own (keyed by its id) or a default one. */
export interface RefereeQuestion {
  key: string;
  label: string;
  maxLength: number;
  required: boolean;
}

/** A cycle asks its referees at most this many questions of its own. */
export const MAX_REFEREE_QUESTIONS = 8;
/** The longest answer to a cycle's own referee question. */
export const REFEREE_ANSWER_MAX = 5000;

/** What a cycle's referees are asked: its own questions, in order, or the defaults when it has none. */
export function refereeQuestionsOf(
  own: readonly { id: string; label: string; required: boolean }[],
): RefereeQuestion[] {
  if (own.length === 0) return REFEREE_QUESTIONS.map((question) => ({ ...question, required: false }));
  return own.map((question) => ({
    key: question.id,
    label: question.label,
    maxLength: REFEREE_ANSWER_MAX,
    required: question.required,
  }));
}

/** The referee's answers, for the questions they are asked; the letter comes as a file and is checked by its bytes. */
export function refereeAnswersSchema(questions: readonly RefereeQuestion[]) {
  return z.object(
    Object.fromEntries(
      questions.map((question) => {
        const text = z
          .string()
          .trim()
          .max(question.maxLength, msg("forms.errors.maxChars", { count: question.maxLength }));
        return [
          question.key,
          question.required
            ? z
                .string({ error: msg("refereeLetter.answer") })
                .trim()
                .min(1, msg("refereeLetter.answer"))
                .pipe(text)
            : text.optional().default(""),
        ];
      }),
    ) as Record<string, z.ZodType<string, unknown>>,
  );
}
export type RefereeAnswers = Record<string, string>;

/** The referee's answers to the default questions (a cycle without questions of its own). */
export const RefereeAnswersSchema = refereeAnswersSchema(refereeQuestionsOf([]));

/** Staff's form adding a referee question to a cycle, or removing one. */
export const RefereeQuestionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      label: z
        .string({ error: msg("schemas.errors.writeQuestion") })
        .trim()
        .min(5, msg("schemas.references.writeQuestionMin"))
        .max(300, msg("forms.errors.maxChars", { count: 300 })),
      required: z.literal("on").optional(),
    }),
    z.object({ intent: z.literal("remove"), questionId: z.uuid({ error: msg("schemas.references.chooseQuestion") }) }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
