import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportCommentProps {
  name: string;
  authorName: string;
  reportTitle: string;
  comment: string;
  reportUrl: string;
}

export const subject = (props: ReportCommentProps) => `${props.authorName} commented on your ${props.reportTitle}`;

export default function ReportComment({ name, authorName, reportTitle, comment, reportUrl }: ReportCommentProps) {
  return (
    <EmailLayout
      preview={`A comment from ${authorName}`}
      heading="A comment on your report"
      reason={`You received this email because you wrote this ${reportTitle} as a fellow.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        {authorName} commented on your {reportTitle}:
      </Text>
      <Text>“{comment}”</Text>
      <MainAction href={reportUrl} label="Read it in the portal" />
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
