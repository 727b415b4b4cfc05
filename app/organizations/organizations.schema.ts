import { z } from "zod";
import { EmailField } from "~/auth/auth.schema";
import { checkboxField, commaListField } from "~/utils/form-fields";

export const OrganizationFields = {
  name: z
    .string({ error: "Enter the organization's name" })
    .trim()
    .min(2, "Use at least 2 characters")
    .max(160, "Use at most 160 characters"),
  slug: z
    .string({ error: "Enter a short name for the address" })
    .trim()
    .toLowerCase()
    .min(2, "Use at least 2 characters")
    .max(60, "Use at most 60 characters")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens"),
  website: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" }).optional()),
  description: z.string().trim().max(5000, "Use at most 5000 characters").optional().default(""),
  focusAreas: commaListField(),
  country: z.string().trim().max(80, "Use at most 80 characters").optional().default(""),
  remoteFriendly: checkboxField,
};

export const OrganizationActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create-organization"), ...OrganizationFields }),
    z.object({ intent: z.literal("update-organization"), version: z.coerce.number().int(), ...OrganizationFields }),
    z.object({
      intent: z.literal("invite-partner"),
      email: EmailField,
      role: z.enum(["owner", "member"]).optional().default("member"),
    }),
    z.object({ intent: z.literal("remove-member"), userId: z.uuid() }),
  ],
  { error: "That form action is not known." },
);

export type OrganizationInput = {
  name: string;
  slug: string;
  website?: string | undefined;
  description: string;
  focusAreas: string[];
  country: string;
  remoteFriendly: boolean;
};
