import { z } from "zod";
import { msg } from "~/i18n/message";

export const API_TOKEN_SCOPES = ["read", "read-write"] as const;
export const API_TOKEN_SCOPE_LABELS = { read: "Read only", "read-write": "Read and write" } as const;
export const API_TOKEN_LIFETIMES = ["30", "90", "365"] as const;

/** The form at /me/account that makes a personal access token. */
export const CreateApiTokenSchema = z.object({
  intent: z.literal("create-api-token"),
  name: z
    .string({ error: msg("apiTokens.errors.name") })
    .trim()
    .min(1, msg("apiTokens.errors.name"))
    .max(80, msg("forms.errors.maxChars", { count: 80 })),
  scope: z.enum(API_TOKEN_SCOPES, { error: msg("apiTokens.errors.scope") }),
  lifetimeDays: z.enum(API_TOKEN_LIFETIMES, { error: msg("apiTokens.errors.lifetime") }),
});

export const RevokeApiTokenSchema = z.object({
  intent: z.literal("revoke-api-token"),
  tokenId: z.uuid(msg("apiTokens.errors.chooseToken")),
});
