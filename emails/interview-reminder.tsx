import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";
import { interviewEmailReason, interviewPageLabel } from "./components/interview";

export interface InterviewReminderProps {
  name: string;
  audience: "finalist" | "host";
  positionTitle: string;
  organizationName: string;
  finalistName: string;
  when: string;
  location: string;
  manageUrl: string;
}

export const subject = (props: InterviewReminderProps) =>
  `Reminder: interview with ${props.audience === "finalist" ? props.organizationName : props.finalistName} on ${props.when}`;

export default function InterviewReminder(props: InterviewReminderProps) {
  const other = props.audience === "finalist" ? props.organizationName : props.finalistName;
  return (
    <EmailLayout
      preview={`Tomorrow: ${props.when}`}
      heading="Your interview is coming up"
      reason={interviewEmailReason(props)}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        A reminder of your interview with {other} for {props.positionTitle} on {props.when}
        {props.location ? `, at ${props.location}` : ""}.
      </Text>
      <MainAction href={props.manageUrl} label={interviewPageLabel(props.audience)} />
    </EmailLayout>
  );
}

InterviewReminder.PreviewProps = {
  name: "Adaeze Nwosu",
  audience: "finalist",
  positionTitle: "Surveillance research fellow",
  organizationName: "Fundación Datos Libres",
  finalistName: "Adaeze Nwosu",
  when: "14 Dec 2026, 16:00 GMT+1",
  location: "https://meet.example.org/datos-libres",
  manageUrl: "http://localhost:3000/me/interviews",
} satisfies InterviewReminderProps;
