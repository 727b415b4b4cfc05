/**
 * The email registry as the server imports it: names, props, which bodies are sensitive, and
 * `renderEmail`, which loads the templates (react-email and React, the slowest packages to load)
 * the first time a message is rendered rather than at every start (templates.ts holds them).
 */
import type { Language } from "~/i18n/languages";
import type { EmailProps, EmailTemplateName, RenderedEmail } from "./templates";

export type { EmailProps, EmailTemplateName, RenderedEmail } from "./templates";

/**
 * Messages whose body lets its reader act as the recipient: a one-time code, or a link that holds
 * a token (invitations, campaign answers). Staff never read their bodies in the outbox view, in any
 * mode (tests/unit/emails.test.ts fails when a template that renders a code or token is missing).
 */
export const SENSITIVE_TEMPLATES: ReadonlySet<EmailTemplateName> = new Set<EmailTemplateName>([
  "verification-code",
  "reset-code",
  "sign-in-code",
  "delete-account-code",
  "staff-invitation",
  "reviewer-invitation",
  "partner-invitation",
  "campaign-proposal",
  // The link lets its holder write the reference.
  "reference-request",
]);
export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  props: EmailProps<N>,
  language?: Language,
): Promise<RenderedEmail> {
  const templates = await import("./templates");
  return templates.renderEmail(name, props, language);
}
