import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewerInvitationProps {
  inviterName: string;
  cycleName: string;
  capacity: number;
  acceptUrl: string;
  expiresAt: EmailMoment;
}

export const subject = ({ cycleName }: ReviewerInvitationProps, t: EmailT) =>
  t("email.reviewerInvitation.subject", { cycleName });

export default function ReviewerInvitation({
  inviterName,
  cycleName,
  capacity,
  acceptUrl,
  expiresAt,
}: ReviewerInvitationProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.reviewerInvitation.preview", { inviterName, cycleName })}
      heading={t("email.reviewerInvitation.heading")}
      reason={t("email.reviewerInvitation.reason", { inviterName, cycleName })}
    >
      <Text>{t("email.reviewerInvitation.body", { inviterName, cycleName, count: capacity })}</Text>
      <MainAction href={acceptUrl} label={t("email.common.acceptInvitation")} />
      <Text>
        {`${t("email.common.linkExpires", { expiresAt: formatMoment(expiresAt, language) })} ${t("email.reviewerInvitation.accountOnTheWay")}`}
      </Text>
    </EmailLayout>
  );
}

ReviewerInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  cycleName: "Open Web Fellows 2026",
  capacity: 12,
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: { at: "2026-12-03T12:00:00.000Z", timeZone: "UTC" },
} satisfies ReviewerInvitationProps;
