import type { MessageKey } from "~/i18n/message";

/**
 * The terms an ally consents to when joining the directory. A change of wording gets a new
 * version; the version agreed to is stored with the time of consent.
 */
export const TERMS_VERSION = "2026-11";

export const TERMS = [
  "Your profile is listed in the Open Web Fellows network directory to the people your visibility setting allows.",
  "Your email address is never shown in the directory. Partners and staff can write to you through the portal; your address is shared only with someone whose message you accept.",
  "Program staff may suggest you for campaigns that fit your skills and availability; you accept or decline each one.",
  "You can change your profile, its visibility or withdraw at any time. Withdrawing hides your profile at once.",
  "You can download all your data or delete your account from your account page.",
] as const;

/** The same terms as the page shows them, in its language (each sentence of TERMS, in order). */
export const TERM_KEYS: readonly MessageKey[] = [
  "myProfile.terms.listed",
  "myProfile.terms.private",
  "myProfile.terms.campaigns",
  "myProfile.terms.change",
  "myProfile.terms.data",
];
