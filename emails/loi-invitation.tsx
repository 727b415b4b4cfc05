import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface LoiInvitationProps {
  name: string;
  cycleName: string;
  /** The full application's deadline, shown in the cycle's time zone. */
  deadline: EmailMoment;
  applyUrl: string;
}

export const subject = (props: LoiInvitationProps, t: EmailT) =>
  t("email.loiInvitation.subject", { cycleName: props.cycleName });

export default function LoiInvitation({ name, cycleName, deadline, applyUrl }: LoiInvitationProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.loiInvitation.preview", { cycleName })}
      heading={t("email.loiInvitation.heading")}
      reason={t("email.loiInvitation.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.loiInvitation.body", { cycleName })}</Text>
      <Text>{t("email.loiInvitation.deadline", { deadline: formatMoment(deadline, language) })}</Text>
      <MainAction href={applyUrl} label={t("email.loiInvitation.action")} />
    </EmailLayout>
  );
}

LoiInvitation.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  deadline: { at: "2027-04-20T21:00:00.000Z", timeZone: "America/New_York" },
  applyUrl: "http://localhost:3000/apply/open-web-2027",
} satisfies LoiInvitationProps;
