import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReferenceRequestProps {
  refereeName: string;
  applicantName: string;
  cycleName: string;
  relationship: string;
  uploadUrl: string;
  /** When the link stops working, shown in the cycle's time zone. */
  expiresAt: EmailMoment;
  /** A reminder (scheduled or sent by the applicant) rather than the first request. */
  reminder: boolean;
}

export const subject = ({ reminder, applicantName, cycleName }: ReferenceRequestProps, t: EmailT) =>
  reminder
    ? t("email.referenceRequest.subjectReminder", { applicantName, cycleName })
    : t("email.referenceRequest.subject", { applicantName, cycleName });

export default function ReferenceRequest({
  refereeName,
  applicantName,
  cycleName,
  relationship,
  uploadUrl,
  expiresAt,
  reminder,
}: ReferenceRequestProps) {
  const { t, language } = useEmailT();
  const expires = t("email.referenceRequest.expires", { expiresAt: formatMoment(expiresAt, language) });
  return (
    <EmailLayout
      preview={t("email.referenceRequest.preview", { applicantName })}
      heading={reminder ? t("email.referenceRequest.headingReminder") : t("email.referenceRequest.heading")}
      reason={t("email.referenceRequest.reason", { applicantName, relationship })}
    >
      <Text>{t("email.common.hello", { name: refereeName })}</Text>
      <Text>{t("email.referenceRequest.body", { applicantName, cycleName })}</Text>
      <MainAction href={uploadUrl} label={t("email.referenceRequest.action")} />
      <Text>{reminder ? `${expires} ${t("email.referenceRequest.replaces")}` : expires}</Text>
    </EmailLayout>
  );
}

ReferenceRequest.PreviewProps = {
  refereeName: "Grace Hopper",
  applicantName: "Ada Lovelace",
  cycleName: "Open Web Fellows 2027",
  relationship: "Former supervisor",
  uploadUrl: "http://localhost:3000/references/abc123",
  expiresAt: { at: "2027-01-15T23:59:00.000Z", timeZone: "UTC" },
  reminder: false,
} satisfies ReferenceRequestProps;
