import { z } from "zod";
import { msg } from "~/i18n/message";
import { CONDITION_OPERATORS } from "~/applications/conditions";
import { QUESTION_KINDS } from "~/applications/questions";
import { checkboxField, lineListField } from "~/utils/form-fields";
import { isValidTimeZone } from "~/utils/timezones";
import { CYCLE_STATUSES } from "./cycle-status";

const LocalDateTime = z
  .string({ error: msg("schemas.errors.enterDateTime") })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, msg("schemas.errors.enterDateTime"));

export const CycleSettingsSchema = z
  .object({
    name: z
      .string({ error: msg("schemas.errors.enterName") })
      .trim()
      .min(3, msg("schemas.errors.minChars", { count: 3 }))
      .max(120, msg("forms.errors.maxChars", { count: 120 })),
    slug: z
      .string({ error: msg("schemas.errors.enterSlug") })
      .trim()
      .toLowerCase()
      .min(3, msg("schemas.errors.minChars", { count: 3 }))
      .max(60, msg("forms.errors.maxChars", { count: 60 }))
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg("schemas.errors.slugFormat", { example: "open-web-2027" })),
    description: z
      .string()
      .max(20_000, msg("forms.errors.maxChars", { count: 20_000 }))
      .optional()
      .default(""),
    opensAt: LocalDateTime,
    closesAt: LocalDateTime,
    timezone: z
      .string({ error: msg("schemas.errors.chooseTimeZone") })
      .trim()
      .refine(
        isValidTimeZone,
        msg("schemas.errors.timeZoneNames", { first: "America/New_York", second: "Africa/Nairobi" }),
      ),
    status: z.enum(CYCLE_STATUSES, { error: msg("schemas.errors.chooseStatus") }).optional(),
    blindReview: checkboxField,
    reviewersPerApplication: z.coerce
      .number({ error: msg("schemas.errors.enterNumber") })
      .int(msg("schemas.errors.wholeNumber"))
      .min(1, msg("schemas.errors.atLeast", { min: 1 }))
      .max(10, msg("schemas.errors.atMost", { max: 10 })),
    finalistTarget: z.coerce
      .number()
      .int(msg("schemas.errors.wholeNumber"))
      .min(1, msg("schemas.errors.atLeast", { min: 1 }))
      .max(1000, msg("schemas.errors.atMost", { max: 1000 }))
      .optional(),
    reviewDueAt: LocalDateTime.optional(),
    decisionDelayMinutes: z.coerce
      .number({ error: msg("schemas.cycle.enterMinutes") })
      .int(msg("schemas.cycle.wholeMinutes"))
      .min(0, msg("schemas.cycle.atLeastAtOnce"))
      .max(1440, msg("schemas.cycle.atMostADay"))
      .optional()
      .default(10),
    referencesMin: z.coerce
      .number({ error: msg("schemas.errors.enterNumber") })
      .int(msg("schemas.errors.wholeNumber"))
      .min(0, msg("schemas.errors.atLeast", { min: 0 }))
      .max(10, msg("schemas.errors.atMost", { max: 10 }))
      .optional()
      .default(0),
    referencesMax: z.coerce
      .number({ error: msg("schemas.errors.enterNumber") })
      .int(msg("schemas.errors.wholeNumber"))
      .min(0, msg("schemas.errors.atLeast", { min: 0 }))
      .max(10, msg("schemas.errors.atMost", { max: 10 }))
      .optional()
      .default(0),
    referenceDeadline: LocalDateTime.optional(),
    // Set, the cycle has two stages: a letter of intent due then, and the full application by invitation.
    loiClosesAt: LocalDateTime.optional(),
    version: z.coerce.number().int().min(0).optional(),
  })
  .refine((value) => value.closesAt > value.opensAt, {
    message: msg("schemas.cycle.deadlineAfterOpening"),
    path: ["closesAt"],
  })
  .refine((value) => value.referencesMax >= value.referencesMin, {
    message: msg("schemas.cycle.referencesRange"),
    path: ["referencesMax"],
  })
  .refine((value) => !value.loiClosesAt || (value.loiClosesAt > value.opensAt && value.loiClosesAt < value.closesAt), {
    message: msg("schemas.cycle.loiDeadline"),
    path: ["loiClosesAt"],
  })
  .refine((value) => !value.referenceDeadline || value.referenceDeadline >= value.closesAt, {
    message: msg("schemas.cycle.lettersDue"),
    path: ["referenceDeadline"],
  });

export type CycleSettings = z.output<typeof CycleSettingsSchema>;

/** A question's words, as staff write them for the application form and the eligibility screen alike. */
export const QuestionTextFields = {
  label: z
    .string({ error: msg("schemas.errors.writeQuestion") })
    .trim()
    .min(1, msg("schemas.errors.writeQuestion"))
    .max(300, msg("forms.errors.maxChars", { count: 300 })),
  help: z
    .string()
    .trim()
    .max(1000, msg("forms.errors.maxChars", { count: 1000 }))
    .optional()
    .default(""),
};

const QuestionFields = {
  section: z
    .string({ error: msg("schemas.question.nameStepOn") })
    .trim()
    .min(1, msg("schemas.question.nameStep"))
    .max(80, msg("forms.errors.maxChars", { count: 80 })),
  kind: z.enum(QUESTION_KINDS, { error: msg("schemas.question.chooseKind") }),
  ...QuestionTextFields,
  required: checkboxField,
  identifying: checkboxField,
  // Two-stage cycles: asked in the letter of intent (and again, pre-filled, in the full application).
  inLoi: checkboxField,
  maxWords: z.coerce
    .number()
    .int(msg("schemas.errors.wholeNumber"))
    .min(1, msg("schemas.errors.atLeast", { min: 1 }))
    .max(5000, msg("schemas.errors.atMost", { max: 5000 }))
    .optional(),
  options: lineListField({ maxItems: 50, maxLength: 200 }),
  // "Show only when": the question it depends on (empty: always shown), how, and the answers that show it.
  conditionQuestionId: z
    .union([z.literal(""), z.uuid({ error: msg("schemas.question.chooseQuestionFromList") })])
    .optional(),
  conditionOperator: z.enum(CONDITION_OPERATORS, { error: msg("schemas.question.chooseOperator") }).optional(),
  conditionValues: lineListField({ maxItems: 50, maxLength: 200 }),
};

const needsOptions = (value: { kind: string; options: string[] }) =>
  !["single_choice", "multi_choice"].includes(value.kind) || value.options.length > 0;
const optionsMessage = { message: msg("schemas.question.listOptions"), path: ["options"] };
const needsConditionValues = (value: { conditionQuestionId?: string | undefined; conditionValues: string[] }) =>
  !value.conditionQuestionId || value.conditionValues.length > 0;
const conditionValuesMessage = {
  message: msg("schemas.question.listShowAnswers"),
  path: ["conditionValues"],
};

export const QuestionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({ intent: z.literal("add-question"), ...QuestionFields })
      .refine(needsOptions, optionsMessage)
      .refine(needsConditionValues, conditionValuesMessage),
    z
      .object({
        intent: z.literal("update-question"),
        questionId: z.uuid(),
        version: z.coerce.number().int(),
        ...QuestionFields,
      })
      .refine(needsOptions, optionsMessage)
      .refine(needsConditionValues, conditionValuesMessage),
    z.object({ intent: z.literal("delete-question"), questionId: z.uuid() }),
    z.object({ intent: z.literal("move-up"), questionId: z.uuid() }),
    z.object({ intent: z.literal("move-down"), questionId: z.uuid() }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

export type QuestionInput = Omit<
  z.output<typeof QuestionActionSchema> & { intent: "add-question" },
  "intent" | "conditionValues" | "inLoi"
> & { conditionValues?: string[]; inLoi?: boolean };
