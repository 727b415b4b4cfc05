import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportReminderProps {
  name: string;
  reportTitle: string;
  dueOn: string;
  late: boolean;
  reportUrl: string;
}

export const subject = (props: ReportReminderProps) =>
  props.late ? `Overdue: ${props.reportTitle}` : `${props.reportTitle} is due ${props.dueOn}`;

export default function ReportReminder({ name, reportTitle, dueOn, late, reportUrl }: ReportReminderProps) {
  return (
    <EmailLayout
      preview={late ? "Your report is overdue" : "Your report is due soon"}
      heading={reportTitle}
      reason={`You received this email because your fellowship year includes this ${reportTitle}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        {late
          ? `Your ${reportTitle} was due on ${dueOn} and has not reached us yet. Please send it when you can — and write to the program if something is in the way.`
          : `Your ${reportTitle} is due on ${dueOn}. It takes a few minutes; your host and the program read it.`}
      </Text>
      <MainAction href={reportUrl} label="Write the report" />
    </EmailLayout>
  );
}

ReportReminder.PreviewProps = {
  name: "Adaeze Nwosu",
  reportTitle: "Monthly check-in",
  dueOn: "15 Dec 2026",
  late: false,
  reportUrl: "http://localhost:3000/me/fellowship",
} satisfies ReportReminderProps;
