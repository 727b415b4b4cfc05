import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface PartnerInvitationProps {
  inviterName: string;
  organizationName: string;
  acceptUrl: string;
  expiresAt: string;
}

export const subject = (props: PartnerInvitationProps) => `Host Open Web Fellows with ${props.organizationName}`;

export default function PartnerInvitation({
  inviterName,
  organizationName,
  acceptUrl,
  expiresAt,
}: PartnerInvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to the host portal`}
      heading="Join your organization's host portal"
      reason={`You received this email because ${inviterName} invited this address to represent ${organizationName}.`}
    >
      <Text>
        {inviterName} invited you to represent {organizationName} as a host of Open Web Fellows: publish positions, read
        the finalists' applications, keep interview notes and rank the finalists you would like to host.
      </Text>
      <MainAction href={acceptUrl} label="Accept the invitation" />
      <Text>The link works once and expires on {expiresAt}.</Text>
    </EmailLayout>
  );
}

PartnerInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  organizationName: "Fundación Datos Libres",
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: "3 December 2026, 12:00 UTC",
} satisfies PartnerInvitationProps;
