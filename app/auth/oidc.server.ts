import { timingSafeEqual } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import * as client from "openid-client";
import type { AppConfig } from "~/utils/config.server";
import type { IntegrationsConfig } from "~/utils/integrations-config.server";
import { safeRedirect } from "~/utils/redirect";

type OidcSettings = NonNullable<IntegrationsConfig["oidc"]>;

export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";
/** Long enough to type a password and a second factor at the provider, short enough to go stale. */
const ATTEMPT_MINUTES = 10;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The provider's metadata, fetched at the first sign-in rather than at start-up (the portal starts
 * while the provider is down), and fetched again after a failure.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

function providerConfiguration(oidc: OidcSettings): Promise<client.Configuration> {
  const key = `${oidc.issuer.href} ${oidc.clientId}`;
  let configuration = discovered.get(key);
  if (!configuration) {
    // Plain http only for a provider on this machine (the tests' provider); config refuses it elsewhere.
    const insecure = oidc.issuer.protocol === "http:" && LOOPBACK_HOSTS.has(oidc.issuer.hostname);
    configuration = client.discovery(
      oidc.issuer,
      oidc.clientId,
      undefined,
      client.ClientSecretBasic(oidc.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : {},
    );
    configuration.catch(() => discovered.delete(key));
    discovered.set(key, configuration);
  }
  return configuration;
}

/** What one sign-in attempt must find again at the callback; it lives only in this browser's cookie. */
interface Attempt {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  /** Epoch milliseconds: the cookie's max-age is the browser's promise, this is ours. */
  expiresAt: number;
}

const cookies = new WeakMap<AppConfig, Cookie>();

/**
 * The attempt's cookie: signed with the session secrets, httpOnly, sent only to the callback's
 * path, and SameSite=Lax because the provider sends the browser back with a cross-site top-level GET.
 */
function attemptCookie(config: AppConfig): Cookie {
  let cookie = cookies.get(config);
  if (!cookie) {
    cookie = createCookie(config.secureCookies ? "__Secure-owf_oidc" : "owf_oidc", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/auth/oidc",
      secrets: config.sessionSecrets,
      maxAge: ATTEMPT_MINUTES * 60,
    });
    cookies.set(config, cookie);
  }
  return cookie;
}

function callbackUrl(config: AppConfig): string {
  return new URL(OIDC_CALLBACK_PATH, config.appUrl).href;
}

export type OidcStart = { ok: true; url: string; cookie: string } | { ok: false; reason: "unavailable" };

/** Starts an authorization code flow with PKCE, state and nonce; the browser goes to `url`. */
export async function startOidcSignIn(config: AppConfig, oidc: OidcSettings, redirectTo: unknown): Promise<OidcStart> {
  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(oidc);
  } catch {
    return { ok: false, reason: "unavailable" };
  }
  const attempt: Attempt = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo, "/"),
    expiresAt: Date.now() + ATTEMPT_MINUTES * 60_000,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(config),
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: "S256",
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { ok: true, url: url.href, cookie: await attemptCookie(config).serialize(attempt) };
}

export function clearAttemptCookie(config: AppConfig): Promise<string> {
  return attemptCookie(config).serialize("", { maxAge: 0 });
}

/** Who the provider says signed in: `subject` is stable, the email is only as good as `emailVerified`. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export type OidcFinish =
  | { ok: true; identity: OidcIdentity; redirectTo: string }
  | { ok: false; reason: "expired" | "state-mismatch" | "rejected" | "unavailable" }
  | { ok: false; reason: "provider-error"; error: string };

/**
 * Checks the provider's answer against the attempt this browser started: state here, then
 * openid-client checks `iss`, trades the code with the PKCE verifier, and verifies the ID token
 * (signature, audience, nonce). The email comes from the userinfo endpoint when the ID token
 * leaves it out (providers that follow the spec's default put scope claims there).
 */
export async function finishOidcSignIn(config: AppConfig, oidc: OidcSettings, request: Request): Promise<OidcFinish> {
  const requestUrl = new URL(request.url);
  const attempt = parseAttempt(await attemptCookie(config).parse(request.headers.get("Cookie")));
  const error = requestUrl.searchParams.get("error");
  if (error) return { ok: false, reason: "provider-error", error: error.slice(0, 100) };
  if (!attempt) return { ok: false, reason: "expired" };
  if (!sameText(requestUrl.searchParams.get("state") ?? "", attempt.state))
    return { ok: false, reason: "state-mismatch" };

  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(oidc);
  } catch {
    return { ok: false, reason: "unavailable" };
  }
  // The address the provider redirected to, as registered (behind a proxy request.url differs).
  const currentUrl = new URL(`${OIDC_CALLBACK_PATH}${requestUrl.search}`, config.appUrl);
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let profile: Record<string, unknown> = claims;
    if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
      profile = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
    }
    return {
      ok: true,
      redirectTo: attempt.redirectTo,
      identity: {
        issuer: configuration.serverMetadata().issuer,
        subject: claims.sub,
        email: typeof profile.email === "string" && profile.email.length <= 254 ? profile.email : null,
        // Some providers send the flag as a string.
        emailVerified: profile.email_verified === true || profile.email_verified === "true",
        name: typeof profile.name === "string" ? profile.name : null,
      },
    };
  } catch (failure) {
    // A refusal by the protocol (bad nonce, iss, signature, code) is the answer's fault; anything
    // else (the provider unreachable) is the provider's.
    if (
      failure instanceof client.ClientError ||
      failure instanceof client.ResponseBodyError ||
      failure instanceof client.AuthorizationResponseError ||
      failure instanceof client.WWWAuthenticateChallengeError
    ) {
      return { ok: false, reason: "rejected" };
    }
    return { ok: false, reason: "unavailable" };
  }
}

function parseAttempt(value: unknown): Attempt | null {
  if (typeof value !== "object" || value === null) return null;
  const { state, nonce, verifier, redirectTo, expiresAt } = value as Record<string, unknown>;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string") return null;
  if (typeof expiresAt !== "number" || expiresAt < Date.now()) return null;
  return { state, nonce, verifier, redirectTo: safeRedirect(redirectTo, "/"), expiresAt };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
