import { z } from "zod";
import { msg } from "~/i18n/message";
import { isValidTimeZone } from "~/utils/timezones";
import { DISCIPLINE_KEYS, LANGUAGES, normaliseSkill, REGIONS, VISIBILITY_KEYS } from "./taxonomy";

const MAX_SKILLS = 15;
const MAX_LINKS = 5;
const DateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("myProfile.errors.enterDate"))
  .refine((value) => !Number.isNaN(Date.parse(value)), msg("myProfile.errors.realDate"))
  .optional();

const LinksField = z
  .string()
  .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
  .optional()
  .transform((value, ctx) => {
    const lines = (value ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > MAX_LINKS) {
      ctx.addIssue({ code: "custom", message: msg("myProfile.errors.maxLinks", { count: MAX_LINKS }) });
      return z.NEVER;
    }
    const links: { label: string; url: string }[] = [];
    for (const line of lines) {
      const match = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
      const url = match?.[2];
      if (!url || !URL.canParse(url)) {
        ctx.addIssue({ code: "custom", message: msg("myProfile.errors.notWebAddress", { text: line.slice(0, 60) }) });
        return z.NEVER;
      }
      links.push({ label: (match[1] ?? "").slice(0, 60) || new URL(url).hostname, url });
    }
    return links;
  });

/** The directory profile form, for joining and for editing. */
export const ProfileSchema = z
  .object({
    intent: z.literal("save", { error: msg("forms.errors.unknownAction") }),
    displayName: z
      .string({ error: msg("myProfile.errors.nameEnter") })
      .trim()
      .min(2, msg("myProfile.errors.minChars", { count: 2 }))
      .max(80, msg("forms.errors.maxChars", { count: 80 })),
    headline: z
      .string()
      .trim()
      .max(140, msg("forms.errors.maxChars", { count: 140 }))
      .optional()
      .default(""),
    bio: z
      .string()
      .trim()
      .max(2000, msg("forms.errors.maxChars", { count: 2000 }))
      .optional()
      .default(""),
    disciplines: z
      .array(z.enum(DISCIPLINE_KEYS, { error: msg("myProfile.errors.chooseFromList") }), {
        error: msg("myProfile.errors.oneDiscipline"),
      })
      .min(1, msg("myProfile.errors.oneDiscipline"))
      .max(DISCIPLINE_KEYS.length),
    skills: z
      .string()
      .max(800, msg("forms.errors.maxChars", { count: 800 }))
      .optional()
      .transform((value) => [...new Set((value ?? "").split(",").map(normaliseSkill).filter(Boolean))])
      .pipe(
        z
          .array(z.string().max(40, msg("myProfile.errors.skillLength")))
          .max(MAX_SKILLS, msg("myProfile.errors.maxSkills", { count: MAX_SKILLS })),
      ),
    languages: z
      .array(z.enum(LANGUAGES, { error: msg("myProfile.errors.chooseFromList") }))
      .max(LANGUAGES.length)
      .optional()
      .default([]),
    country: z
      .string()
      .trim()
      .max(80, msg("forms.errors.maxChars", { count: 80 }))
      .optional(),
    region: z.enum(REGIONS, { error: msg("myProfile.errors.chooseRegion") }).optional(),
    timezone: z
      .string({ error: msg("myProfile.errors.timeZoneEnter") })
      .trim()
      .refine(isValidTimeZone, msg("myProfile.errors.timeZoneName")),
    links: LinksField,
    hoursPerMonth: z.coerce
      .number({ error: msg("myProfile.errors.hoursEnter") })
      .int(msg("myProfile.errors.wholeHours"))
      .min(0, msg("myProfile.errors.atLeast", { min: 0 }))
      .max(200, msg("myProfile.errors.atMost", { max: 200 })),
    availableFrom: DateField,
    availableUntil: DateField,
    visibility: z.enum(VISIBILITY_KEYS, { error: msg("myProfile.errors.visibilityChoose") }),
    // Required when joining or when the terms changed since the last consent (checked on the server).
    consent: z.literal("on", { error: msg("myProfile.errors.consent") }).optional(),
    version: z.coerce.number().int().min(0).optional().default(0),
  })
  .refine((value) => !value.availableFrom || !value.availableUntil || value.availableUntil >= value.availableFrom, {
    message: msg("myProfile.errors.availabilityOrder"),
    path: ["availableUntil"],
  });

export type ProfileInput = z.output<typeof ProfileSchema>;

export const WithdrawSchema = z.object({
  intent: z.literal("withdraw", { error: msg("forms.errors.unknownAction") }),
  version: z.coerce.number().int().min(0),
});
