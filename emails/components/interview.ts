import type { EmailT } from "./i18n";

/** What both sides of an interview read in its emails: why they got it, and where to manage it. */
export type InterviewAudience = "finalist" | "host";

export function interviewEmailReason(
  {
    audience,
    positionTitle,
    organizationName,
  }: {
    audience: InterviewAudience;
    positionTitle: string;
    organizationName: string;
  },
  t: EmailT,
): string {
  return audience === "finalist"
    ? t("email.interview.reasonFinalist", { positionTitle, organizationName })
    : t("email.interview.reasonHost", { positionTitle });
}

export function interviewPageLabel(audience: InterviewAudience, t: EmailT): string {
  return audience === "finalist" ? t("email.interview.pageFinalist") : t("email.interview.pageHost");
}
