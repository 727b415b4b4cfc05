import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/languages";
import type { EmailT } from "./components/i18n";
import ApplicationReceipt, * as applicationReceipt from "./application-receipt";
import ApplicationWithdrawn, * as applicationWithdrawn from "./application-withdrawn";
import AssignmentDigest, * as assignmentDigest from "./assignment-digest";
import Decision, * as decision from "./decision";
import ExistingAccount, * as existingAccount from "./existing-account";
import MatchHost, * as matchHost from "./match-host";
import MatchResult, * as matchResult from "./match-result";
import PartnerInvitation, * as partnerInvitation from "./partner-invitation";
import RankingReminder, * as rankingReminder from "./ranking-reminder";
import ResetCode, * as resetCode from "./reset-code";
import SignInCode, * as signInCode from "./sign-in-code";
import ReviewReminder, * as reviewReminder from "./review-reminder";
import ReviewerInvitation, * as reviewerInvitation from "./reviewer-invitation";
import StaffInvitation, * as staffInvitation from "./staff-invitation";
import VerificationCode, * as verificationCode from "./verification-code";
import CampaignProposal, * as campaignProposal from "./campaign-proposal";
import ContactAnswered, * as contactAnswered from "./contact-answered";
import ContactRequest, * as contactRequest from "./contact-request";
import DeleteAccountCode, * as deleteAccountCode from "./delete-account-code";
import NetworkInvitation, * as networkInvitation from "./network-invitation";
import ProfileConsent, * as profileConsent from "./profile-consent";
import FellowshipCompleted, * as fellowshipCompleted from "./fellowship-completed";
import InterviewCalendar, * as interviewCalendar from "./interview-calendar";
import InterviewInvitation, * as interviewInvitation from "./interview-invitation";
import InterviewReminder, * as interviewReminder from "./interview-reminder";
import ReportComment, * as reportComment from "./report-comment";
import ReportReminder, * as reportReminder from "./report-reminder";
import ReportSubmitted, * as reportSubmitted from "./report-submitted";
import DiscussionDigest, * as discussionDigest from "./discussion-digest";
import ReviewOverdue, * as reviewOverdue from "./review-overdue";
import ReferenceRequest, * as referenceRequest from "./reference-request";
import LoiInvitation, * as loiInvitation from "./loi-invitation";

/** A subject is written with the message's `t`; `language` formats a date in it. */
type Subject<P> = (props: P, t: EmailT, language: Language) => string;

interface Template<P> {
  component: ComponentType<P>;
  subject: Subject<P>;
}

function template<P>(component: ComponentType<P>, subject: Subject<P>): Template<P> {
  return { component, subject };
}

/** Every message the portal sends, by name. The name is stored in the outbox with the props. */
export const emailTemplates = {
  "verification-code": template(VerificationCode, verificationCode.subject),
  "reset-code": template(ResetCode, resetCode.subject),
  "sign-in-code": template(SignInCode, signInCode.subject),
  "existing-account": template(ExistingAccount, existingAccount.subject),
  "staff-invitation": template(StaffInvitation, staffInvitation.subject),
  "application-receipt": template(ApplicationReceipt, applicationReceipt.subject),
  "application-withdrawn": template(ApplicationWithdrawn, applicationWithdrawn.subject),
  "reviewer-invitation": template(ReviewerInvitation, reviewerInvitation.subject),
  "assignment-digest": template(AssignmentDigest, assignmentDigest.subject),
  "review-reminder": template(ReviewReminder, reviewReminder.subject),
  "review-overdue": template(ReviewOverdue, reviewOverdue.subject),
  "discussion-digest": template(DiscussionDigest, discussionDigest.subject),
  decision: template(Decision, decision.subject),
  "partner-invitation": template(PartnerInvitation, partnerInvitation.subject),
  "match-result": template(MatchResult, matchResult.subject),
  "match-host": template(MatchHost, matchHost.subject),
  "ranking-reminder": template(RankingReminder, rankingReminder.subject),
  "contact-request": template(ContactRequest, contactRequest.subject),
  "contact-answered": template(ContactAnswered, contactAnswered.subject),
  "campaign-proposal": template(CampaignProposal, campaignProposal.subject),
  "delete-account-code": template(DeleteAccountCode, deleteAccountCode.subject),
  "network-invitation": template(NetworkInvitation, networkInvitation.subject),
  "profile-consent": template(ProfileConsent, profileConsent.subject),
  "interview-invitation": template(InterviewInvitation, interviewInvitation.subject),
  "interview-calendar": template(InterviewCalendar, interviewCalendar.subject),
  "interview-reminder": template(InterviewReminder, interviewReminder.subject),
  "report-reminder": template(ReportReminder, reportReminder.subject),
  "report-submitted": template(ReportSubmitted, reportSubmitted.subject),
  "report-comment": template(ReportComment, reportComment.subject),
  "fellowship-completed": template(FellowshipCompleted, fellowshipCompleted.subject),
  "reference-request": template(ReferenceRequest, referenceRequest.subject),
  "loi-invitation": template(LoiInvitation, loiInvitation.subject),
};

export type EmailTemplateName = keyof typeof emailTemplates;

export type EmailProps<N extends EmailTemplateName> = (typeof emailTemplates)[N] extends Template<infer P> ? P : never;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The language it is written in. */
  language: Language;
}

// react-email's plain text upper-cases headings by default; keep the words as written.
const htmlToTextOptions = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "img", format: "skip" },
  ],
};

/**
 * Renders a message in a language (through `renderEmail` in index.ts, which loads this module on
 * first use). Each render has its own i18next instance, given to the template by a provider, so
 * messages in different languages can render at once.
 */
export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  props: EmailProps<N>,
  language: Language = DEFAULT_LANGUAGE,
): Promise<RenderedEmail> {
  const i18n = await createI18n(language);
  const entry = emailTemplates[name] as unknown as Template<EmailProps<N>>;
  const element = createElement(
    I18nextProvider,
    { i18n },
    createElement(entry.component as ComponentType<object>, props as object),
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions })]);
  // React 18's stream renderer sometimes emits NUL bytes in long multi-byte runs such as the
  // preview padding (resend/react-email#1870); PostgreSQL refuses them and Gmail truncates there.
  return {
    subject: entry.subject(props, i18n.getFixedT(language), language),
    html: html.replaceAll("\u0000", ""),
    text: text.replaceAll("\u0000", ""),
    language,
  };
}
