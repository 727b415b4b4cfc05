import { z } from "zod";
import { isValidTimeZone } from "~/utils/timezones";

const LocalDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time");

export const TimeZoneField = z
  .string({ error: "Choose a time zone" })
  .trim()
  .refine(isValidTimeZone, "Use a time zone name such as America/Bogota or Africa/Nairobi");

const whole = (min: number, max: number, unit: string) =>
  z.coerce
    .number({ error: "Enter a number" })
    .int("Enter a whole number")
    .min(min, `At least ${min} ${unit}`)
    .max(max, `At most ${max} ${unit}`);

/** The host's forms on a position's interview page. */
export const HostInterviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add-slots"),
      startsAt: LocalDateTime,
      minutes: whole(5, 480, "minutes"),
      capacity: whole(1, 20, "finalists"),
      count: whole(1, 20, "slots").optional().default(1),
      location: z.string().trim().max(500, "Use at most 500 characters").optional().default(""),
    }),
    z.object({
      intent: z.literal("cancel-slot"),
      slotId: z.uuid("Choose a time"),
      message: z
        .string({ error: "Tell the finalists why, in a sentence" })
        .trim()
        .min(1, "Tell the finalists why, in a sentence")
        .max(2000, "Use at most 2,000 characters"),
    }),
    z.object({
      intent: z.literal("save-settings"),
      version: z.coerce.number().int(),
      timezone: TimeZoneField,
      cutoffHours: whole(0, 336, "hours"),
    }),
    z.object({ intent: z.literal("invite-finalists") }),
  ],
  { error: "That form action is not known." },
);

/** The finalist's forms at /me/interviews. */
export const FinalistInterviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("book"), slotId: z.uuid("Choose a time") }),
    z.object({ intent: z.literal("cancel-booking"), positionId: z.uuid("Choose an interview") }),
    z.object({ intent: z.literal("save-timezone"), timezone: TimeZoneField }),
  ],
  { error: "That form action is not known." },
);
