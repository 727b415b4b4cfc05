import { msg } from "~/i18n/message";
import { parseSubmission } from "~/utils/parse-submission";
import { data, type AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "~/utils/permissions.server";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "./api-token.schema";
import { createApiToken, listApiTokens, mayHoldApiToken, revokeApiToken } from "./api-tokens.server";

/** What /me/account shows about the user's API tokens (never a token: only hashes are kept). */
export async function loadApiTokens(context: AppLoadContext, user: SessionUser) {
  if (!mayHoldApiToken(user.roles)) return null;
  const tokens = await listApiTokens(context.db, user.id);
  return {
    apiUrl: new URL("/api/v1/openapi.json", context.config.appUrl).toString(),
    tokens: tokens.map((token) => ({
      id: token.id,
      name: token.name,
      scope: token.scope,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      expired: token.expired,
    })),
  };
}

export type ApiTokenActionData =
  | { apiToken: { name: string; token: string } }
  | { apiTokenErrors: Record<string, string[]>; apiTokenValues: Record<string, string> };

/**
 * The two API-token forms: a new token is answered in place (the only time it can be shown), a
 * revocation redirects back. Null when the form is not one of these.
 */
export async function apiTokenAction(context: AppLoadContext, user: SessionUser, formData: FormData, back: string) {
  const intent = formData.get("intent");
  if (intent === "create-api-token") {
    const submission = parseSubmission(formData, { schema: CreateApiTokenSchema });
    if (submission.status !== "success") {
      const errors = Object.fromEntries(
        Object.entries(submission.error ?? {}).map(([key, messages]) => [key, messages ?? []]),
      );
      return data(
        {
          apiTokenErrors: errors,
          apiTokenValues: { name: String(formData.get("name") ?? ""), scope: String(formData.get("scope") ?? "") },
        } satisfies ApiTokenActionData,
        { status: 400 },
      );
    }
    const { name, scope, lifetimeDays } = submission.value;
    const created = await createApiToken(context.db, user.id, { name, scope, lifetimeDays: Number(lifetimeDays) });
    if (!created.ok) {
      return data(
        { apiTokenErrors: { "": [created.message] }, apiTokenValues: { name, scope } } satisfies ApiTokenActionData,
        { status: 403 },
      );
    }
    return data({ apiToken: { name, token: created.token } } satisfies ApiTokenActionData);
  }
  if (intent === "revoke-api-token") {
    const submission = parseSubmission(formData, { schema: RevokeApiTokenSchema });
    if (submission.status !== "success")
      return data({ message: msg("apiTokens.errors.chooseToRevoke") }, { status: 400 });
    const revoked = await revokeApiToken(context.db, user.id, submission.value.tokenId);
    if (!revoked) return data({ message: msg("apiTokens.errors.missing") }, { status: 404 });
    return redirectAfterSuccess(context.config, back, msg("apiTokens.revoked"));
  }
  return null;
}
