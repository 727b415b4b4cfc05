import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportSubmittedProps {
  name: string;
  fellowName: string;
  reportTitle: string;
  reportUrl: string;
}

export const subject = (props: ReportSubmittedProps) => `${props.fellowName} sent their ${props.reportTitle}`;

export default function ReportSubmitted({ name, fellowName, reportTitle, reportUrl }: ReportSubmittedProps) {
  return (
    <EmailLayout
      preview={`A new report from ${fellowName}`}
      heading="A new report from your fellow"
      reason={`You received this email because your organization hosts ${fellowName} as a fellow.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        {fellowName} sent their {reportTitle}. Read it, and leave a comment for them if you like.
      </Text>
      <MainAction href={reportUrl} label="Read the report" />
    </EmailLayout>
  );
}

ReportSubmitted.PreviewProps = {
  name: "Lena Fischer",
  fellowName: "Adaeze Nwosu",
  reportTitle: "Monthly check-in",
  reportUrl: "http://localhost:3000/partner/fellows/00000000-0000-0000-0000-000000000000",
} satisfies ReportSubmittedProps;
