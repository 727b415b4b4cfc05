import { z } from "zod";
import { CONDITION_OPERATORS } from "~/applications/conditions";
import { QUESTION_KINDS } from "~/applications/questions";
import { checkboxField, lineListField } from "~/utils/form-fields";
import { isValidTimeZone } from "~/utils/timezones";
import { CYCLE_STATUSES } from "./cycle-status";

const LocalDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time");

export const CycleSettingsSchema = z
  .object({
    name: z
      .string({ error: "Enter a name" })
      .trim()
      .min(3, "Use at least 3 characters")
      .max(120, "Use at most 120 characters"),
    slug: z
      .string({ error: "Enter a short name for the address" })
      .trim()
      .toLowerCase()
      .min(3, "Use at least 3 characters")
      .max(60, "Use at most 60 characters")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like open-web-2027"),
    description: z.string().max(20_000, "Use at most 20,000 characters").optional().default(""),
    opensAt: LocalDateTime,
    closesAt: LocalDateTime,
    timezone: z
      .string({ error: "Choose a time zone" })
      .trim()
      .refine(isValidTimeZone, "Use a time zone name such as America/New_York or Africa/Nairobi"),
    status: z.enum(CYCLE_STATUSES, { error: "Choose a status" }).optional(),
    blindReview: checkboxField,
    reviewersPerApplication: z.coerce
      .number({ error: "Enter a number" })
      .int("Enter a whole number")
      .min(1, "At least 1")
      .max(10, "At most 10"),
    finalistTarget: z.coerce
      .number()
      .int("Enter a whole number")
      .min(1, "At least 1")
      .max(1000, "At most 1000")
      .optional(),
    reviewDueAt: LocalDateTime.optional(),
    decisionDelayMinutes: z.coerce
      .number({ error: "Enter a number of minutes" })
      .int("Enter whole minutes")
      .min(0, "At least 0 (send at once)")
      .max(1440, "At most 1440 (a day)")
      .optional()
      .default(10),
    referencesMin: z.coerce
      .number({ error: "Enter a number" })
      .int("Enter a whole number")
      .min(0, "At least 0")
      .max(10, "At most 10")
      .optional()
      .default(0),
    referencesMax: z.coerce
      .number({ error: "Enter a number" })
      .int("Enter a whole number")
      .min(0, "At least 0")
      .max(10, "At most 10")
      .optional()
      .default(0),
    referenceDeadline: LocalDateTime.optional(),
    // Set, the cycle has two stages: a letter of intent due then, and the full application by invitation.
    loiClosesAt: LocalDateTime.optional(),
    version: z.coerce.number().int().min(0).optional(),
  })
  .refine((value) => value.closesAt > value.opensAt, {
    message: "The deadline must be after the opening",
    path: ["closesAt"],
  })
  .refine((value) => value.referencesMax >= value.referencesMin, {
    message: "The most references must be at least the fewest",
    path: ["referencesMax"],
  })
  .refine((value) => !value.loiClosesAt || (value.loiClosesAt > value.opensAt && value.loiClosesAt < value.closesAt), {
    message: "The letter-of-intent deadline must fall between the opening and the full application's deadline",
    path: ["loiClosesAt"],
  })
  .refine((value) => !value.referenceDeadline || value.referenceDeadline >= value.closesAt, {
    message: "Letters cannot be due before the application deadline",
    path: ["referenceDeadline"],
  });

export type CycleSettings = z.output<typeof CycleSettingsSchema>;

const QuestionFields = {
  section: z
    .string({ error: "Name the step this question is on" })
    .trim()
    .min(1, "Name the step")
    .max(80, "Use at most 80 characters"),
  kind: z.enum(QUESTION_KINDS, { error: "Choose a kind of answer" }),
  label: z
    .string({ error: "Write the question" })
    .trim()
    .min(1, "Write the question")
    .max(300, "Use at most 300 characters"),
  help: z.string().trim().max(1000, "Use at most 1000 characters").optional().default(""),
  required: checkboxField,
  identifying: checkboxField,
  // Two-stage cycles: asked in the letter of intent (and again, pre-filled, in the full application).
  inLoi: checkboxField,
  maxWords: z.coerce.number().int("Enter a whole number").min(1, "At least 1").max(5000, "At most 5000").optional(),
  options: lineListField({ maxItems: 50, maxLength: 200 }),
  // "Show only when": the question it depends on (empty: always shown), how, and the answers that show it.
  conditionQuestionId: z.union([z.literal(""), z.uuid({ error: "Choose a question from the list" })]).optional(),
  conditionOperator: z.enum(CONDITION_OPERATORS, { error: "Choose how the answer is compared" }).optional(),
  conditionValues: lineListField({ maxItems: 50, maxLength: 200 }),
};

const needsOptions = (value: { kind: string; options: string[] }) =>
  !["single_choice", "multi_choice"].includes(value.kind) || value.options.length > 0;
const optionsMessage = { message: "List at least one option, one per line", path: ["options"] };
const needsConditionValues = (value: { conditionQuestionId?: string | undefined; conditionValues: string[] }) =>
  !value.conditionQuestionId || value.conditionValues.length > 0;
const conditionValuesMessage = {
  message: "List the answers that show this question, one per line",
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
  { error: "That form action is not known." },
);

export type QuestionInput = Omit<
  z.output<typeof QuestionActionSchema> & { intent: "add-question" },
  "intent" | "conditionValues" | "inLoi"
> & { conditionValues?: string[]; inLoi?: boolean };
