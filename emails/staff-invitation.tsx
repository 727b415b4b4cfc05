import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface StaffInvitationProps {
  inviterName: string;
  acceptUrl: string;
  expiresAt: string;
}

export const subject = () => "You are invited to run the Open Web Fellows program";

export default function StaffInvitation({ inviterName, acceptUrl, expiresAt }: StaffInvitationProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to join the program staff`} heading="Join the program staff">
      <Text>
        {inviterName} invited you to join the program staff of Open Web Fellows: running fellowship cycles, reviews,
        matching and campaigns.
      </Text>
      <Button href={acceptUrl} style={buttonStyle}>
        Accept the invitation
      </Button>
      <Text>Or open {acceptUrl}</Text>
      <Text>The link works once and expires on {expiresAt}.</Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: "3 December 2026, 12:00 UTC",
} satisfies StaffInvitationProps;
