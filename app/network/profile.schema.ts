import { z } from "zod";
import { isValidTimeZone } from "~/utils/timezones";
import { DISCIPLINE_KEYS, LANGUAGES, normaliseSkill, REGIONS, VISIBILITY_KEYS } from "./taxonomy";

const MAX_SKILLS = 15;
const MAX_LINKS = 5;
const DateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a real date")
  .optional();

const LinksField = z
  .string()
  .max(2000, "Use at most 2000 characters")
  .optional()
  .transform((value, ctx) => {
    const lines = (value ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > MAX_LINKS) {
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_LINKS} links` });
      return z.NEVER;
    }
    const links: { label: string; url: string }[] = [];
    for (const line of lines) {
      const match = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
      const url = match?.[2];
      if (!url || !URL.canParse(url)) {
        ctx.addIssue({ code: "custom", message: `"${line.slice(0, 60)}" is not a web address starting with https://` });
        return z.NEVER;
      }
      links.push({ label: (match[1] ?? "").slice(0, 60) || new URL(url).hostname, url });
    }
    return links;
  });

/** The directory profile form, for joining and for editing. */
export const ProfileSchema = z
  .object({
    intent: z.literal("save", { error: "That form action is not known." }),
    displayName: z
      .string({ error: "Enter the name to show" })
      .trim()
      .min(2, "Use at least 2 characters")
      .max(80, "Use at most 80 characters"),
    headline: z.string().trim().max(140, "Use at most 140 characters").optional().default(""),
    bio: z.string().trim().max(2000, "Use at most 2000 characters").optional().default(""),
    disciplines: z
      .array(z.enum(DISCIPLINE_KEYS, { error: "Choose from the list" }), { error: "Choose at least one discipline" })
      .min(1, "Choose at least one discipline")
      .max(DISCIPLINE_KEYS.length),
    skills: z
      .string()
      .max(800, "Use at most 800 characters")
      .optional()
      .transform((value) => [...new Set((value ?? "").split(",").map(normaliseSkill).filter(Boolean))])
      .pipe(
        z
          .array(z.string().max(40, "Keep each skill under 40 characters"))
          .max(MAX_SKILLS, `List at most ${MAX_SKILLS} skills`),
      ),
    languages: z
      .array(z.enum(LANGUAGES, { error: "Choose from the list" }))
      .max(LANGUAGES.length)
      .optional()
      .default([]),
    country: z.string().trim().max(80, "Use at most 80 characters").optional(),
    region: z.enum(REGIONS, { error: "Choose a region from the list" }).optional(),
    timezone: z
      .string({ error: "Enter your time zone" })
      .trim()
      .refine(isValidTimeZone, "Use a time zone name such as Europe/Berlin or Africa/Lagos"),
    links: LinksField,
    hoursPerMonth: z.coerce
      .number({ error: "Enter a number of hours" })
      .int("Enter whole hours")
      .min(0, "At least 0")
      .max(200, "At most 200"),
    availableFrom: DateField,
    availableUntil: DateField,
    visibility: z.enum(VISIBILITY_KEYS, { error: "Choose who can see your profile" }),
    // Required when joining or when the terms changed since the last consent (checked on the server).
    consent: z.literal("on", { error: "Tick the box to agree, or leave it empty" }).optional(),
    version: z.coerce.number().int().min(0).optional().default(0),
  })
  .refine((value) => !value.availableFrom || !value.availableUntil || value.availableUntil >= value.availableFrom, {
    message: "The end of your availability must be after its start",
    path: ["availableUntil"],
  });

export type ProfileInput = z.output<typeof ProfileSchema>;

export const WithdrawSchema = z.object({
  intent: z.literal("withdraw", { error: "That form action is not known." }),
  version: z.coerce.number().int().min(0),
});
