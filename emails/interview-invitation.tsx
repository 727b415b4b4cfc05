import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";
import { interviewEmailReason } from "./components/interview";

export interface InterviewInvitationProps {
  name: string;
  positionTitle: string;
  organizationName: string;
  cutoffHours: number;
  bookUrl: string;
}

export const subject = ({ organizationName }: InterviewInvitationProps, t: EmailT) =>
  t("email.interviewInvitation.subject", { organizationName });

export default function InterviewInvitation({
  name,
  positionTitle,
  organizationName,
  cutoffHours,
  bookUrl,
}: InterviewInvitationProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.interviewInvitation.preview", { organizationName })}
      heading={t("email.interviewInvitation.heading")}
      reason={interviewEmailReason({ audience: "finalist", positionTitle, organizationName }, t)}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.interviewInvitation.body", { organizationName, positionTitle })}</Text>
      <Text>{t("email.interviewInvitation.cutoff", { count: cutoffHours })}</Text>
      <MainAction href={bookUrl} label={t("email.interviewInvitation.action")} />
    </EmailLayout>
  );
}

InterviewInvitation.PreviewProps = {
  name: "Adaeze Nwosu",
  positionTitle: "Surveillance research fellow",
  organizationName: "Fundación Datos Libres",
  cutoffHours: 24,
  bookUrl: "http://localhost:3000/me/interviews",
} satisfies InterviewInvitationProps;
