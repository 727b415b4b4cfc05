import { z } from "zod";
import { msg } from "~/i18n/message";
import { checkboxField, commaListField } from "~/utils/form-fields";

export const PositionFields = {
  title: z
    .string({ error: msg("partnerPositions.errors.title") })
    .trim()
    .min(3, msg("partnerPositions.errors.titleMin", { count: 3 }))
    .max(160, msg("forms.errors.maxChars", { count: 160 })),
  description: z
    .string()
    .trim()
    .max(5000, msg("forms.errors.maxChars", { count: 5000 }))
    .optional()
    .default(""),
  seats: z.coerce
    .number({ error: msg("partnerPositions.errors.seats") })
    .int(msg("interviewSlots.errors.wholeNumber"))
    .min(0, msg("partnerPositions.errors.atLeast", { min: 0 }))
    .max(20, msg("partnerPositions.errors.atMost", { max: 20 })),
  skills: commaListField(),
  location: z
    .string()
    .trim()
    .max(120, msg("forms.errors.maxChars", { count: 120 }))
    .optional()
    .default(""),
  remote: checkboxField,
};

export type PositionInput = {
  title: string;
  description: string;
  seats: number;
  skills: string[];
  location: string;
  remote: boolean;
};

const ids = z.preprocess((value) => (typeof value === "string" ? [value] : (value ?? [])), z.array(z.uuid()).max(2000));

export const StaffPositionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create-position"),
      organizationId: z.uuid(msg("schemas.positions.chooseHost")),
      ...PositionFields,
    }),
    z.object({
      intent: z.literal("update-position"),
      positionId: z.uuid(),
      version: z.coerce.number().int(),
      ...PositionFields,
    }),
    z.object({ intent: z.literal("set-candidates"), positionId: z.uuid(), applicationId: ids }),
    z.object({ intent: z.literal("suggest-candidates") }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
