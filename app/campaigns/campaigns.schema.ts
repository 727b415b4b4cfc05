import { z } from "zod";
import { DISCIPLINE_KEYS, LANGUAGES, normaliseSkill } from "~/network/taxonomy";
import { isValidTimeZone } from "~/utils/timezones";

export const CAMPAIGN_STATUSES = ["planning", "active", "closed"] as const;
export const CAMPAIGN_STATUS_LABELS = { planning: "Planning", active: "Active", closed: "Closed" } as const;
export const ASSIGNMENT_STATUS_LABELS = {
  proposed: "Proposed, waiting for an answer",
  accepted: "Accepted",
  declined: "Declined",
  completed: "Completed",
} as const;

const DateField = z
  .string({ error: "Enter a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a real date");

export const CampaignSchema = z
  .object({
    intent: z.literal("save-campaign", { error: "That form action is not known." }),
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
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like encrypt"),
    summary: z.string().trim().max(2000, "Use at most 2000 characters").optional().default(""),
    startsOn: DateField,
    endsOn: DateField,
    status: z.enum(CAMPAIGN_STATUSES, { error: "Choose a status" }).optional().default("planning"),
    languages: z
      .array(z.enum(LANGUAGES, { error: "Choose from the list" }))
      .optional()
      .default([]),
    timezone: z
      .string({ error: "Enter a time zone" })
      .trim()
      .refine(isValidTimeZone, "Use a time zone name such as Europe/Brussels"),
    version: z.coerce.number().int().min(0).optional(),
  })
  .refine((value) => value.endsOn >= value.startsOn, {
    message: "The end must not be before the start",
    path: ["endsOn"],
  });

export type CampaignInput = z.output<typeof CampaignSchema>;

export const NeedSchema = z
  .object({
    intent: z.literal("add-need"),
    kind: z.enum(["discipline", "skill"], { error: "Choose a discipline or a skill" }),
    value: z
      .string({ error: "Name the discipline or skill" })
      .trim()
      .min(1, "Name the discipline or skill")
      .max(40, "Use at most 40 characters")
      .transform(normaliseSkill),
    quantity: z.coerce
      .number({ error: "Enter how many" })
      .int("Enter a whole number")
      .min(1, "At least 1")
      .max(500, "At most 500"),
  })
  .refine((value) => value.kind === "skill" || (DISCIPLINE_KEYS as string[]).includes(value.value), {
    message: `A discipline is one of: ${DISCIPLINE_KEYS.join(", ")}`,
    path: ["value"],
  });

export const RemoveNeedSchema = z.object({ intent: z.literal("remove-need"), needId: z.uuid("Choose a need") });

export const CompleteSchema = z.object({ intent: z.literal("complete"), assignmentId: z.uuid("Choose an assignment") });

export const ProposeSchema = z.object({
  intent: z.literal("propose"),
  profileId: z.uuid("Choose an ally"),
  needId: z.uuid("Choose a need").optional(),
});

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** An ally's answer, in the portal or behind an emailed link. */
export const AssignmentAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: "That form action is not known." }),
  assignmentId: z.uuid("Choose a campaign").optional(),
  showPublicly: checkbox,
});
