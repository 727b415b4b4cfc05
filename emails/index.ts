import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import ApplicationReceipt, * as applicationReceipt from "./application-receipt";
import ExistingAccount, * as existingAccount from "./existing-account";
import ResetCode, * as resetCode from "./reset-code";
import StaffInvitation, * as staffInvitation from "./staff-invitation";
import VerificationCode, * as verificationCode from "./verification-code";
import CampaignProposal, * as campaignProposal from "./campaign-proposal";
import ContactAnswered, * as contactAnswered from "./contact-answered";
import ContactRequest, * as contactRequest from "./contact-request";
import DeleteAccountCode, * as deleteAccountCode from "./delete-account-code";
import NetworkInvitation, * as networkInvitation from "./network-invitation";

interface Template<P> {
  component: ComponentType<P>;
  subject: (props: P) => string;
}

function template<P>(component: ComponentType<P>, subject: (props: P) => string): Template<P> {
  return { component, subject };
}

/** Every message the portal sends, by name. The name is stored in the outbox with the props. */
export const emailTemplates = {
  "verification-code": template(VerificationCode, verificationCode.subject),
  "reset-code": template(ResetCode, resetCode.subject),
  "existing-account": template(ExistingAccount, existingAccount.subject),
  "staff-invitation": template(StaffInvitation, staffInvitation.subject),
  "application-receipt": template(ApplicationReceipt, applicationReceipt.subject),
  "contact-request": template(ContactRequest, contactRequest.subject),
  "contact-answered": template(ContactAnswered, contactAnswered.subject),
  "campaign-proposal": template(CampaignProposal, campaignProposal.subject),
  "delete-account-code": template(DeleteAccountCode, deleteAccountCode.subject),
  "network-invitation": template(NetworkInvitation, networkInvitation.subject),
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailProps<N extends EmailTemplateName> = (typeof emailTemplates)[N] extends Template<infer P> ? P : never;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// react-email's plain text upper-cases headings by default; keep the words as written.
const htmlToTextOptions = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "img", format: "skip" },
  ],
};

export async function renderEmail<N extends EmailTemplateName>(name: N, props: EmailProps<N>): Promise<RenderedEmail> {
  const entry = emailTemplates[name] as unknown as Template<EmailProps<N>>;
  const element = createElement(entry.component as ComponentType<object>, props as object);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions })]);
  // render() can leave NUL characters in the preview's invisible padding where a streamed chunk
  // splits a multi-byte character; PostgreSQL text cannot hold them, and nobody can see them.
  const withoutNul = (value: string) => value.replaceAll("\u0000", "");
  return { subject: entry.subject(props), html: withoutNul(html), text: withoutNul(text) };
}
