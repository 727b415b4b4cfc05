import { z } from "zod";

/**
 * Settings of the portal's connections to other tools (API, webhooks, metrics, single sign-on),
 * read from the same environment as the rest of the configuration and checked at start-up.
 */
const IntegrationsEnvSchema = z
  .object({
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(1000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_PROVIDER_NAME: z.string().min(1).default("your organisation's sign-in"),
  })
  .refine((e) => !e.OIDC_ISSUER || (e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET), {
    message: "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER",
    path: ["OIDC_ISSUER"],
  })
  // The provider's answers decide who is signed in: plain http only for a provider on this machine.
  .refine((e) => !e.OIDC_ISSUER || isHttpsOrLoopback(new URL(e.OIDC_ISSUER)), {
    message: "OIDC_ISSUER must use https unless it is a loopback address",
    path: ["OIDC_ISSUER"],
  });

function isHttpsOrLoopback(url: URL): boolean {
  return (
    url.protocol === "https:" ||
    (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
  );
}

export interface IntegrationsConfig {
  /** pino's level for the JSON request log. */
  logLevel: string;
  apiRateLimitPerMinute: number;
  /** Without it /metrics answers 404: metrics are never public. */
  metricsToken: string | undefined;
  webhooks: { pollMs: number; timeoutMs: number; maxAttempts: number; retryBaseMs: number };
  oidc: { issuer: URL; clientId: string; clientSecret: string; providerName: string } | undefined;
}

export function loadIntegrationsConfig(env: Record<string, string | undefined>): IntegrationsConfig {
  const parsed = IntegrationsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    logLevel: e.LOG_LEVEL,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN,
    webhooks: {
      pollMs: e.WEBHOOK_POLL_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: new URL(e.OIDC_ISSUER),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            providerName: e.OIDC_PROVIDER_NAME,
          }
        : undefined,
  };
}
