import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportCommentProps {
  name: string;
  authorName: string;
  reportTitle: string;
  comment: string;
  reportUrl: string;
}

export const subject = ({ authorName, reportTitle }: ReportCommentProps, t: EmailT) =>
  t("email.reportComment.subject", { authorName, reportTitle });

export default function ReportComment({ name, authorName, reportTitle, comment, reportUrl }: ReportCommentProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.reportComment.preview", { authorName })}
      heading={t("email.reportComment.heading")}
      reason={t("email.reportComment.reason", { reportTitle })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.reportComment.body", { authorName, reportTitle })}</Text>
      <Text>{t("email.reportComment.quote", { comment })}</Text>
      <MainAction href={reportUrl} label={t("email.reportComment.action")} />
    </EmailLayout>
  );
}

ReportComment.PreviewProps = {
  name: "Adaeze Nwosu",
  authorName: "Lena Fischer",
  reportTitle: "Monthly check-in",
  comment: "Great progress on the dataset — let's talk about publishing it next week.",
  reportUrl: "http://localhost:3000/me/fellowship",
} satisfies ReportCommentProps;
