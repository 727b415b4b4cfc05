import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReferenceRequestProps {
  refereeName: string;
  applicantName: string;
  cycleName: string;
  relationship: string;
  uploadUrl: string;
  /** When the link stops working, in the cycle's time zone. */
  expiresAt: string;
  /** A reminder (scheduled or sent by the applicant) rather than the first request. */
  reminder: boolean;
}

export const subject = (props: ReferenceRequestProps) =>
  `${props.reminder ? "Reminder: " : ""}a reference for ${props.applicantName} (${props.cycleName})`;

export default function ReferenceRequest({
  refereeName,
  applicantName,
  cycleName,
  relationship,
  uploadUrl,
  expiresAt,
  reminder,
}: ReferenceRequestProps) {
  return (
    <EmailLayout
      preview={`${applicantName} asks you for a reference`}
      heading={reminder ? "A reference is still awaited" : "Would you write a reference?"}
      reason={`You received this email because ${applicantName} named you as a referee (${relationship}).`}
    >
      <Text>Hello {refereeName},</Text>
      <Text>
        {applicantName} is applying to {cycleName} and named you as a referee. On the page behind the button you can
        upload a letter as a PDF, answer a few short questions, or both. You need no account. {applicantName} will see
        only that your reference arrived, never what it says.
      </Text>
      <MainAction href={uploadUrl} label="Write the reference" />
      <Text>
        The link is for you alone: it works once and until {expiresAt}.
        {reminder ? " It replaces the link of any earlier email." : ""}
      </Text>
    </EmailLayout>
  );
}

ReferenceRequest.PreviewProps = {
  refereeName: "Grace Hopper",
  applicantName: "Ada Lovelace",
  cycleName: "Open Web Fellows 2027",
  relationship: "Former supervisor",
  uploadUrl: "http://localhost:3000/references/abc123",
  expiresAt: "15 January 2027, 23:59 UTC",
  reminder: false,
} satisfies ReferenceRequestProps;
