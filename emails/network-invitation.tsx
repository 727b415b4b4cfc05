import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface NetworkInvitationProps {
  name: string;
  profileUrl: string;
}

export const subject = (_props: NetworkInvitationProps, t: EmailT) => t("email.networkInvitation.subject");

export default function NetworkInvitation({ name, profileUrl }: NetworkInvitationProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.networkInvitation.preview")}
      heading={t("email.networkInvitation.heading")}
      reason={t("email.networkInvitation.reason")}
    >
      <Text>{t("email.networkInvitation.congratulations", { name })}</Text>
      <Text>{t("email.networkInvitation.body")}</Text>
      <MainAction href={profileUrl} label={t("email.networkInvitation.action")} />
    </EmailLayout>
  );
}

NetworkInvitation.PreviewProps = {
  name: "Amina Okafor",
  profileUrl: "http://localhost:3000/me/profile",
} satisfies NetworkInvitationProps;
