import { z } from "zod";

export const API_TOKEN_SCOPES = ["read", "read-write"] as const;
export const API_TOKEN_SCOPE_LABELS = { read: "Read only", "read-write": "Read and write" } as const;
export const API_TOKEN_LIFETIMES = ["30", "90", "365"] as const;

/** The form at /me/account that makes a personal access token. */
export const CreateApiTokenSchema = z.object({
  intent: z.literal("create-api-token"),
  name: z
    .string({ error: "Name the token (what will use it)" })
    .trim()
    .min(1, "Name the token (what will use it)")
    .max(80, "Use at most 80 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose what the token may do" }),
  lifetimeDays: z.enum(API_TOKEN_LIFETIMES, { error: "Choose how long the token lives" }),
});

export const RevokeApiTokenSchema = z.object({
  intent: z.literal("revoke-api-token"),
  tokenId: z.uuid("Choose a token"),
});
