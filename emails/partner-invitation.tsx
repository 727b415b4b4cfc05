import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface PartnerInvitationProps {
  inviterName: string;
  organizationName: string;
  acceptUrl: string;
  expiresAt: EmailMoment;
}

export const subject = ({ organizationName }: PartnerInvitationProps, t: EmailT) =>
  t("email.partnerInvitation.subject", { organizationName });

export default function PartnerInvitation({
  inviterName,
  organizationName,
  acceptUrl,
  expiresAt,
}: PartnerInvitationProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.partnerInvitation.preview", { inviterName })}
      heading={t("email.partnerInvitation.heading")}
      reason={t("email.partnerInvitation.reason", { inviterName, organizationName })}
    >
      <Text>{t("email.partnerInvitation.body", { inviterName, organizationName })}</Text>
      <MainAction href={acceptUrl} label={t("email.common.acceptInvitation")} />
      <Text>{t("email.common.linkExpires", { expiresAt: formatMoment(expiresAt, language) })}</Text>
    </EmailLayout>
  );
}

PartnerInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  organizationName: "Fundación Datos Libres",
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: { at: "2026-12-03T12:00:00.000Z", timeZone: "UTC" },
} satisfies PartnerInvitationProps;
