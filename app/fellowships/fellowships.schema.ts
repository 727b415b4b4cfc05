import { z } from "zod";
import { msg } from "~/i18n/message";
import { REPORT_KINDS } from "./lifecycle";

const DateField = z
  .string({ error: msg("schemas.errors.enterDate") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("schemas.errors.enterDate"))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), msg("schemas.errors.realDate"));

const optionalMonths = (max: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number()
      .int(msg("schemas.errors.wholeNumber"))
      .min(1, msg("schemas.errors.atLeast", { min: 1 }))
      .max(max, msg("schemas.errors.atMost", { max }))
      .optional(),
  );

const ReportFormFields = {
  kind: z.enum(REPORT_KINDS, { error: msg("schemas.fellowships.chooseReportKind") }),
  title: z
    .string({ error: msg("schemas.fellowships.giveTitle") })
    .trim()
    .min(1, msg("schemas.fellowships.giveTitle"))
    .max(120, msg("forms.errors.maxChars", { count: 120 })),
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
          .number({ error: msg("schemas.fellowships.enterYear") })
          .int(msg("schemas.fellowships.enterYear"))
          .min(1990, msg("schemas.fellowships.yearExample"))
          .max(2200, msg("schemas.fellowships.yearExample")),
      })
      .refine((value) => value.endsOn > value.startsOn, {
        message: msg("schemas.errors.endAfterStart"),
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
  { error: msg("forms.errors.unknownAction") },
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
        .string({ error: msg("schemas.errors.sayWhy") })
        .trim()
        .min(1, msg("schemas.errors.sayWhy"))
        .max(1000, msg("forms.errors.maxChars", { count: 1000 })),
    }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
