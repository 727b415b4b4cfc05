import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface AssignmentDigestProps {
  name: string;
  cycleName: string;
  count: number;
  dueAt: string | null;
  queueUrl: string;
}

export const subject = (props: AssignmentDigestProps) =>
  `${props.count} application${props.count === 1 ? "" : "s"} to review for ${props.cycleName}`;

export default function AssignmentDigest({ name, cycleName, count, dueAt, queueUrl }: AssignmentDigestProps) {
  return (
    <EmailLayout
      preview={`New applications to review for ${cycleName}`}
      heading="New applications to review"
      reason={`You received this email because you review applications for ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        {count === 1 ? "One application was" : `${count} applications were`} assigned to you for {cycleName}
        {dueAt ? `, due by ${dueAt}` : ""}. If you know an applicant, recuse yourself from that review and it goes to
        someone else.
      </Text>
      <MainAction href={queueUrl} label="Your review queue" />
    </EmailLayout>
  );
}

AssignmentDigest.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  count: 9,
  dueAt: "14 Dec 2026",
  queueUrl: "http://localhost:3000/review",
} satisfies AssignmentDigestProps;
