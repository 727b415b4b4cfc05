import { z } from "zod";
import { EmailField } from "~/auth/auth.schema";

export const UserSearchSchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});

export const RoleChangeSchema = z.object({
  intent: z.enum(["grant-staff", "revoke-staff"], { error: "That form action is not known." }),
  userId: z.uuid("Choose a user"),
});

export const InviteStaffSchema = z.object({
  intent: z.literal("invite-staff"),
  email: EmailField,
});
