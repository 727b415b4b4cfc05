/**
 * Conflicts of interest between a reviewer and an applicant. Pure: the server gathers the facts,
 * this decides. A conflicted pair is never assigned.
 */

/** Addresses at these providers say nothing about where someone works, so a shared one is no conflict. */
export const PUBLIC_EMAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "qq.com",
  "163.com",
  "fastmail.com",
  "tutanota.com",
  "riseup.net",
  "example.org",
  "example.com",
]);

export function emailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}

export interface ReviewerFacts {
  userId: string;
  email: string;
  /** Conflicts the reviewer declared (or staff recorded, or a recusal left behind). */
  declared: { kind: "application" | "email_domain" | "organization" | "person"; value: string }[];
  /** Organizations the reviewer belongs to in the portal (host partners). */
  organizations: string[];
}

export interface ApplicantFacts {
  applicationId: string;
  /** The applicant's account: nobody reviews their own application. */
  userId: string;
  email: string;
  name: string;
  /** Every text answer, to look for an organization named in them. */
  texts: string[];
}

function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** An applicant's facts normalised once, for checking against every reviewer. */
export interface PreparedApplicant extends ApplicantFacts {
  domain: string;
  haystack: string;
  normalisedName: string;
}

export function prepareApplicant(applicant: ApplicantFacts): PreparedApplicant {
  return {
    ...applicant,
    domain: emailDomain(applicant.email),
    haystack: normalise(applicant.texts.join(" \n ")),
    normalisedName: normalise(applicant.name),
  };
}

/** Why this reviewer may not review this application; empty when they may. */
export function conflictReasons(reviewer: ReviewerFacts, facts: ApplicantFacts | PreparedApplicant): string[] {
  const applicant = "haystack" in facts ? facts : prepareApplicant(facts);
  const reasons: string[] = [];
  if (reviewer.userId === applicant.userId) reasons.push("their own application");
  const applicantDomain = applicant.domain;
  const reviewerDomain = emailDomain(reviewer.email);
  if (applicantDomain === reviewerDomain && !PUBLIC_EMAIL_DOMAINS.has(applicantDomain)) {
    reasons.push(`same email domain (${applicantDomain})`);
  }
  const haystack = applicant.haystack;
  const name = applicant.normalisedName;
  for (const conflict of reviewer.declared) {
    const value = normalise(conflict.value);
    if (!value) continue;
    if (conflict.kind === "application" && conflict.value === applicant.applicationId)
      reasons.push("declared for this application");
    if (conflict.kind === "email_domain" && value.replace(/^@/, "") === applicantDomain)
      reasons.push(`declared domain ${value}`);
    if (conflict.kind === "person" && value === name) reasons.push("declared this person");
    if (conflict.kind === "organization" && value.length >= 3 && haystack.includes(value))
      reasons.push(`declared organization "${conflict.value}" is named in the application`);
  }
  for (const organization of reviewer.organizations) {
    const value = normalise(organization);
    if (value.length >= 3 && haystack.includes(value))
      reasons.push(`their organization "${organization}" is named in the application`);
  }
  return [...new Set(reasons)];
}
