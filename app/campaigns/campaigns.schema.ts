import { z } from "zod";
import { msg } from "~/i18n/message";
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
  .string({ error: msg("schemas.errors.enterDate") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("schemas.errors.enterDate"))
  .refine((value) => !Number.isNaN(Date.parse(value)), msg("schemas.errors.realDate"));

export const CampaignSchema = z
  .object({
    intent: z.literal("save-campaign", { error: msg("forms.errors.unknownAction") }),
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
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg("schemas.errors.slugFormat", { example: "encrypt" })),
    summary: z
      .string()
      .trim()
      .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
      .optional()
      .default(""),
    startsOn: DateField,
    endsOn: DateField,
    status: z
      .enum(CAMPAIGN_STATUSES, { error: msg("schemas.errors.chooseStatus") })
      .optional()
      .default("planning"),
    languages: z
      .array(z.enum(LANGUAGES, { error: msg("schemas.errors.chooseFromList") }))
      .optional()
      .default([]),
    timezone: z
      .string({ error: msg("schemas.errors.enterTimeZone") })
      .trim()
      .refine(isValidTimeZone, msg("schemas.errors.timeZoneName", { example: "Europe/Brussels" })),
    version: z.coerce.number().int().min(0).optional(),
  })
  .refine((value) => value.endsOn >= value.startsOn, {
    message: msg("schemas.campaigns.endNotBeforeStart"),
    path: ["endsOn"],
  });

export type CampaignInput = z.output<typeof CampaignSchema>;

export const NeedSchema = z
  .object({
    intent: z.literal("add-need"),
    kind: z.enum(["discipline", "skill"], { error: msg("schemas.campaigns.chooseNeedKind") }),
    value: z
      .string({ error: msg("schemas.campaigns.nameNeed") })
      .trim()
      .min(1, msg("schemas.campaigns.nameNeed"))
      .max(40, msg("forms.errors.maxChars", { count: 40 }))
      .transform(normaliseSkill),
    quantity: z.coerce
      .number({ error: msg("schemas.campaigns.enterHowMany") })
      .int(msg("schemas.errors.wholeNumber"))
      .min(1, msg("schemas.errors.atLeast", { min: 1 }))
      .max(500, msg("schemas.errors.atMost", { max: 500 })),
  })
  .refine((value) => value.kind === "skill" || (DISCIPLINE_KEYS as string[]).includes(value.value), {
    message: `A discipline is one of: ${DISCIPLINE_KEYS.join(", ")}`,
    path: ["value"],
  });

export const RemoveNeedSchema = z.object({
  intent: z.literal("remove-need"),
  needId: z.uuid(msg("schemas.campaigns.chooseNeed")),
});

export const CompleteSchema = z.object({
  intent: z.literal("complete"),
  assignmentId: z.uuid(msg("schemas.campaigns.chooseAssignment")),
});

export const ProposeSchema = z.object({
  intent: z.literal("propose"),
  profileId: z.uuid(msg("schemas.campaigns.chooseAlly")),
  needId: z.uuid(msg("schemas.campaigns.chooseNeed")).optional(),
});

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** An ally's answer, in the portal or behind an emailed link. */
export const AssignmentAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: msg("forms.errors.unknownAction") }),
  assignmentId: z.uuid(msg("schemas.campaigns.chooseCampaign")).optional(),
  showPublicly: checkbox,
});
