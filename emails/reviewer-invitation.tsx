import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewerInvitationProps {
  inviterName: string;
  cycleName: string;
  capacity: number;
  acceptUrl: string;
  expiresAt: string;
}

export const subject = (props: ReviewerInvitationProps) => `Will you review applications for ${props.cycleName}?`;

export default function ReviewerInvitation({
  inviterName,
  cycleName,
  capacity,
  acceptUrl,
  expiresAt,
}: ReviewerInvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to review for ${cycleName}`}
      heading="Join the review panel"
      reason={`You received this email because ${inviterName} invited this address to review for ${cycleName}.`}
    >
      <Text>
        {inviterName} invited you to review applications for {cycleName}. You would score up to {capacity} applications
        against a short rubric, and you can declare conflicts of interest before anything is assigned to you.
      </Text>
      <MainAction href={acceptUrl} label="Accept the invitation" />
      <Text>
        The link works once and expires on {expiresAt}. If you do not have an account yet, you can create one on the
        way.
      </Text>
    </EmailLayout>
  );
}

ReviewerInvitation.PreviewProps = {
  inviterName: "Rosa Delgado",
  cycleName: "Open Web Fellows 2026",
  capacity: 12,
  acceptUrl: "http://localhost:3000/invitations/abc123",
  expiresAt: "3 December 2026, 12:00 UTC",
} satisfies ReviewerInvitationProps;
