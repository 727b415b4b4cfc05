/**
 * Why a single sign-on attempt was refused, as the page says it. Pure, so the wording and the
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
  switch (problem) {
    case "expired":
      return {
        status: 400,
        title: "This sign-in has expired",
        message: `The sign-in was started more than ten minutes ago or in another browser. Start again from the sign-in page.`,
      };
    case "state-mismatch":
      return {
        status: 400,
        title: "This sign-in does not match",
        message: `The answer from ${providerName} belongs to a sign-in that was not started in this browser, so it was refused. Start again from the sign-in page.`,
      };
    case "rejected":
      return {
        status: 400,
        title: "This sign-in could not be verified",
        message: `The answer from ${providerName} did not pass our checks, so nobody was signed in. Start again from the sign-in page.`,
      };
    case "unavailable":
      return {
        status: 503,
        title: `${providerName} is not answering`,
        message: "Try again in a few minutes, or sign in with your email and password.",
      };
    case "access-denied":
      return {
        status: 403,
        title: "Sign-in was cancelled",
        message: `${providerName} did not let you sign in here (you may have cancelled). You can start again or sign in with your email and password.`,
      };
    case "provider-error":
      return {
        status: 400,
        title: "Sign-in did not complete",
        message: `${providerName} reported a problem with this sign-in. Start again, or sign in with your email and password.`,
      };
    case "no-email":
      return {
        status: 403,
        title: "No email address was shared",
        message: `${providerName} did not tell us your email address, which we need to find your account. Ask the people who run it, or sign in with your email and password.`,
      };
    case "unverified-email":
      return {
        status: 403,
        title: "Your email address is not verified",
        message: `${providerName} has not verified your email address, so we cannot tell that the account here is yours. Verify the address there and try again, or sign in with your email and password.`,
      };
    case "deleted":
      return {
        status: 403,
        title: "This account was deleted",
        message: "The account this sign-in belongs to has been deleted. Create a new account to apply again.",
      };
  }
}
