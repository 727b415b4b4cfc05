import { z } from "zod";
import { msg } from "~/i18n/message";
import { REPORT_KINDS } from "./lifecycle";

const DateField = z
  .string({ error: "Enter a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Enter a real date");

const optionalMonths = (max: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int("Enter a whole number").min(1, "At least 1").max(max, `At most ${max}`).optional(),
  );

const ReportFormFields = {
  kind: z.enum(REPORT_KINDS, { error: "Choose a kind of report" }),
  title: z.string({ error: "Give it a title" }).trim().min(1, "Give it a title").max(120, "Use at most 120 characters"),
  everyMonths: optionalMonths(12),
  offsetMonths: optionalMonths(36),
};

/** Staff's forms for a cycle's fellowship year: the term, and the check-ins and reports. */
export const FellowshipScheduleSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("save-term"),
        version: z.coerce.number().int().min(0),
        startsOn: DateField,
        endsOn: DateField,
        cohortYear: z.coerce
          .number({ error: "Enter a year" })
          .int("Enter a year")
          .min(1990, "Enter a year such as 2025")
          .max(2200, "Enter a year such as 2025"),
      })
      .refine((value) => value.endsOn > value.startsOn, {
        message: "The end must be after the start",
        path: ["endsOn"],
      }),
    z.object({ intent: z.literal("add-form"), ...ReportFormFields }),
    z.object({
      intent: z.literal("update-form"),
      formId: z.uuid(),
      version: z.coerce.number().int(),
      ...ReportFormFields,
    }),
    z.object({ intent: z.literal("delete-form"), formId: z.uuid() }),
  ],
  { error: "That form action is not known." },
);

export type ReportFormInput = Pick<
  z.output<typeof FellowshipScheduleSchema> & { intent: "add-form" },
  "kind" | "title" | "everyMonths" | "offsetMonths"
>;

/** A comment on a report, by a host member or staff. */
export const CommentSchema = z.object({
  intent: z.literal("comment", { error: msg("forms.errors.unknownAction") }),
  reportId: z.uuid(msg("hostFellows.errors.chooseReport")),
  body: z
    .string({ error: msg("hostFellows.errors.writeComment") })
    .trim()
    .min(1, msg("hostFellows.errors.writeComment"))
    .max(4000, msg("forms.errors.maxChars", { count: 4000 })),
});

/** Staff end a fellowship early (with a reason) or mark it completed. */
export const FellowshipAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("complete") }),
    z.object({
      intent: z.literal("end-early"),
      reason: z
        .string({ error: "Say why, for the record" })
        .trim()
        .min(1, "Say why, for the record")
        .max(1000, "Use at most 1,000 characters"),
    }),
  ],
  { error: "That form action is not known." },
);
