import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface StaffInvitationProps {
  inviterName: string;
  acceptUrl: string;
  expiresAt: string;
}

export const subject = () => "You are invited to run the Open Web Fellows program";

export default function StaffInvitation({ inviterName, acceptUrl, expiresAt }: StaffInvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to join the program staff`}
      heading="Join the program staff"
      reason={`You received this email because ${inviterName} invited this address to the program staff.`}
    >
      <Text>
        {inviterName} invited you to join the program staff of Open Web Fellows: running fellowship cycles, reviews,
        matching and campaigns.
      </Text>
      <MainAction href={acceptUrl} label="Accept the invitation" />
      <Text>The link works once and expires on {expiresAt}.</Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: "3 December 2026, 12:00 UTC",
} satisfies StaffInvitationProps;
