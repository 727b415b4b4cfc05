import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportSubmittedProps {
  name: string;
  fellowName: string;
  reportTitle: string;
  reportUrl: string;
}

export const subject = ({ fellowName, reportTitle }: ReportSubmittedProps, t: EmailT) =>
  t("email.reportSubmitted.subject", { fellowName, reportTitle });

export default function ReportSubmitted({ name, fellowName, reportTitle, reportUrl }: ReportSubmittedProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.reportSubmitted.preview", { fellowName })}
      heading={t("email.reportSubmitted.heading")}
      reason={t("email.reportSubmitted.reason", { fellowName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.reportSubmitted.body", { fellowName, reportTitle })}</Text>
      <MainAction href={reportUrl} label={t("email.reportSubmitted.action")} />
    </EmailLayout>
  );
}

ReportSubmitted.PreviewProps = {
  name: "Lena Fischer",
  fellowName: "Adaeze Nwosu",
  reportTitle: "Monthly check-in",
  reportUrl: "http://localhost:3000/partner/fellows/00000000-0000-0000-0000-000000000000",
} satisfies ReportSubmittedProps;
