import { Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";

export interface ReportSubmittedProps {
  name: string;
  fellowName: string;
  reportTitle: string;
  reportUrl: string;
}

export const subject = (props: ReportSubmittedProps) => `${props.fellowName} sent their ${props.reportTitle}`;

export default function ReportSubmitted({ name, fellowName, reportTitle, reportUrl }: ReportSubmittedProps) {
  return (
    <EmailLayout preview={`A new report from ${fellowName}`} heading="A new report from your fellow">
      <Text>Hello {name},</Text>
      <Text>
        {fellowName} sent their {reportTitle}. Read it and leave a comment for them at {reportUrl}
      </Text>
    </EmailLayout>
  );
}

ReportSubmitted.PreviewProps = {
  name: "Lena Fischer",
  fellowName: "Adaeze Nwosu",
  reportTitle: "Monthly check-in",
  reportUrl: "http://localhost:3000/partner/fellows/00000000-0000-0000-0000-000000000000",
} satisfies ReportSubmittedProps;
