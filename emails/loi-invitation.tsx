import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface LoiInvitationProps {
  name: string;
  cycleName: string;
  /** The full application's deadline, in the cycle's time zone. */
  deadline: string;
  applyUrl: string;
}

export const subject = (props: LoiInvitationProps) => `You are invited to the full application for ${props.cycleName}`;

export default function LoiInvitation({ name, cycleName, deadline, applyUrl }: LoiInvitationProps) {
  return (
    <EmailLayout
      preview={`Your letter of intent to ${cycleName}: you are invited to apply`}
      heading="You are invited to the full application"
      reason={`You received this email because you sent a letter of intent to ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        Thank you for your letter of intent to {cycleName}. We would like to read more: you are invited to submit the
        full application. It opens with the answers from your letter already in place, so you only add what is new.
      </Text>
      <Text>The deadline for the full application is {deadline}.</Text>
      <MainAction href={applyUrl} label="Open the full application" />
    </EmailLayout>
  );
}

LoiInvitation.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  deadline: "20 Apr 2027, 17:00 EDT",
  applyUrl: "http://localhost:3000/apply/open-web-2027",
} satisfies LoiInvitationProps;
