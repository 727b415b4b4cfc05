import { msg } from "~/i18n/message";

/**
 * Why a single sign-on attempt was refused, as the page says it (messages the page translates). Pure, so the wording and the
 * status of each refusal are checked without a provider.
 */
export type OidcProblem =
  | "expired"
  | "state-mismatch"
  | "rejected"
  | "unavailable"
  | "access-denied"
  | "provider-error"
  | "no-email"
  | "unverified-email"
  | "deleted";

export interface OidcProblemView {
  status: 400 | 403 | 503;
  title: string;
  message: string;
}

export function describeOidcProblem(problem: OidcProblem, providerName: string): OidcProblemView {
  const provider = { provider: providerName };
  switch (problem) {
    case "expired":
      return {
        status: 400,
        title: msg("oidc.expiredTitle"),
        message: msg("oidc.expired"),
      };
    case "state-mismatch":
      return {
        status: 400,
        title: msg("oidc.mismatchTitle"),
        message: msg("oidc.mismatch", provider),
      };
    case "rejected":
      return {
        status: 400,
        title: msg("oidc.rejectedTitle"),
        message: msg("oidc.rejected", provider),
      };
    case "unavailable":
      return {
        status: 503,
        title: msg("oidc.unavailableTitle", provider),
        message: msg("oidc.unavailable"),
      };
    case "access-denied":
      return {
        status: 403,
        title: msg("oidc.deniedTitle"),
        message: msg("oidc.denied", provider),
      };
    case "provider-error":
      return {
        status: 400,
        title: msg("oidc.providerErrorTitle"),
        message: msg("oidc.providerError", provider),
      };
    case "no-email":
      return {
        status: 403,
        title: msg("oidc.noEmailTitle"),
        message: msg("oidc.noEmail", provider),
      };
    case "unverified-email":
      return {
        status: 403,
        title: msg("oidc.unverifiedTitle"),
        message: msg("oidc.unverified", provider),
      };
    case "deleted":
      return {
        status: 403,
        title: msg("oidc.deletedTitle"),
        message: msg("oidc.deleted"),
      };
  }
}
