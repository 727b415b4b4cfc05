import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";
import { interviewEmailReason } from "./components/interview";

export interface InterviewInvitationProps {
  name: string;
  positionTitle: string;
  organizationName: string;
  cutoffHours: number;
  bookUrl: string;
}

export const subject = (props: InterviewInvitationProps) => `Book your interview with ${props.organizationName}`;

export default function InterviewInvitation({
  name,
  positionTitle,
  organizationName,
  cutoffHours,
  bookUrl,
}: InterviewInvitationProps) {
  return (
    <EmailLayout
      preview={`Choose a time to meet ${organizationName}`}
      heading="Book your interview"
      reason={interviewEmailReason({ audience: "finalist", positionTitle, organizationName })}
    >
      <Text>Hello {name},</Text>
      <Text>
        {organizationName} would like to interview you for {positionTitle} before the two of you rank each other. Choose
        one of their times in the portal; the times are shown in your own time zone, and you get a calendar invitation
        as soon as you book.
      </Text>
      <Text>
        You can move or cancel your interview there until {cutoffHours} hour{cutoffHours === 1 ? "" : "s"} before it
        starts.
      </Text>
      <MainAction href={bookUrl} label="Choose a time" />
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
