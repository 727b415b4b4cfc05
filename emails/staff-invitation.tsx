import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface StaffInvitationProps {
  inviterName: string;
  acceptUrl: string;
  expiresAt: EmailMoment;
}

export const subject = (_props: StaffInvitationProps, t: EmailT) => t("email.staffInvitation.subject");

export default function StaffInvitation({ inviterName, acceptUrl, expiresAt }: StaffInvitationProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.staffInvitation.preview", { inviterName })}
      heading={t("email.staffInvitation.heading")}
      reason={t("email.staffInvitation.reason", { inviterName })}
    >
      <Text>{t("email.staffInvitation.body", { inviterName })}</Text>
      <MainAction href={acceptUrl} label={t("email.common.acceptInvitation")} />
      <Text>{t("email.common.linkExpires", { expiresAt: formatMoment(expiresAt, language) })}</Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: { at: "2026-12-03T12:00:00.000Z", timeZone: "UTC" },
} satisfies StaffInvitationProps;
