import { z } from "zod";
import { checkboxField, commaListField } from "~/utils/form-fields";

export const PositionFields = {
  title: z
    .string({ error: "Give the position a title" })
    .trim()
    .min(3, "Use at least 3 characters")
    .max(160, "Use at most 160 characters"),
  description: z.string().trim().max(5000, "Use at most 5000 characters").optional().default(""),
  seats: z.coerce
    .number({ error: "Enter how many fellows" })
    .int("Enter a whole number")
    .min(0, "At least 0")
    .max(20, "At most 20"),
  skills: commaListField(),
  location: z.string().trim().max(120, "Use at most 120 characters").optional().default(""),
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
      organizationId: z.uuid("Choose the host organization"),
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
  { error: "That form action is not known." },
);
