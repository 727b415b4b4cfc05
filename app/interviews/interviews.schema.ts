import { z } from "zod";
import { msg, type MessageKey } from "~/i18n/message";
import { isValidTimeZone } from "~/utils/timezones";

const LocalDateTime = z
  .string({ error: msg("interviewSlots.errors.dateTime") })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, msg("interviewSlots.errors.dateTime"));

export const TimeZoneField = z
  .string({ error: msg("interviewSlots.errors.chooseTimeZone") })
  .trim()
  .refine(isValidTimeZone, msg("interviewSlots.errors.timeZoneName"));

/** A whole number within bounds, its messages naming the unit ("At least 5 minutes"). */
const whole = (min: number, max: number, bounds: { atLeast: MessageKey; atMost: MessageKey }) =>
  z.coerce
    .number({ error: msg("interviewSlots.errors.number") })
    .int(msg("interviewSlots.errors.wholeNumber"))
    .min(min, msg(bounds.atLeast, { count: min }))
    .max(max, msg(bounds.atMost, { count: max }));

const MINUTES = {
  atLeast: "interviewSlots.errors.atLeastMinutes",
  atMost: "interviewSlots.errors.atMostMinutes",
} as const;
const FINALISTS = {
  atLeast: "interviewSlots.errors.atLeastFinalists",
  atMost: "interviewSlots.errors.atMostFinalists",
} as const;
const SLOTS = { atLeast: "interviewSlots.errors.atLeastTimes", atMost: "interviewSlots.errors.atMostTimes" } as const;
const HOURS = { atLeast: "interviewSlots.errors.atLeastHours", atMost: "interviewSlots.errors.atMostHours" } as const;

/** The host's forms on a position's interview page. */
export const HostInterviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add-slots"),
      startsAt: LocalDateTime,
      minutes: whole(5, 480, MINUTES),
      capacity: whole(1, 20, FINALISTS),
      count: whole(1, 20, SLOTS).optional().default(1),
      location: z
        .string()
        .trim()
        .max(500, msg("forms.errors.maxChars", { count: 500 }))
        .optional()
        .default(""),
    }),
    z.object({
      intent: z.literal("cancel-slot"),
      slotId: z.uuid(msg("interviewSlots.errors.chooseTime")),
      message: z
        .string({ error: msg("interviewSlots.errors.tellWhy") })
        .trim()
        .min(1, msg("interviewSlots.errors.tellWhy"))
        .max(2000, msg("forms.errors.maxChars", { count: 2000 })),
    }),
    z.object({
      intent: z.literal("save-settings"),
      version: z.coerce.number().int(),
      timezone: TimeZoneField,
      cutoffHours: whole(0, 336, HOURS),
    }),
    z.object({ intent: z.literal("invite-finalists") }),
  ],
  { error: msg("forms.errors.unknownAction") },
);

/** The finalist's forms at /me/interviews. */
export const FinalistInterviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("book"), slotId: z.uuid(msg("interviewSlots.errors.chooseTime")) }),
    z.object({ intent: z.literal("cancel-booking"), positionId: z.uuid(msg("interviewSlots.errors.chooseInterview")) }),
    z.object({ intent: z.literal("save-timezone"), timezone: TimeZoneField }),
  ],
  { error: msg("forms.errors.unknownAction") },
);
