import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewReminderProps {
  name: string;
  cycleName: string;
  remaining: number;
  dueAt: string | null;
  queueUrl: string;
}

export const subject = (props: ReviewReminderProps) =>
  `A reminder: ${props.remaining} review${props.remaining === 1 ? "" : "s"} to finish for ${props.cycleName}`;

export default function ReviewReminder({ name, cycleName, remaining, dueAt, queueUrl }: ReviewReminderProps) {
  return (
    <EmailLayout
      preview={`${remaining} reviews waiting for you`}
      heading="Your reviews are waiting"
      reason={`You received this email because you review applications for ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        You have {remaining} review{remaining === 1 ? "" : "s"} left to submit for {cycleName}
        {dueAt ? `; they are due by ${dueAt}` : ""}. Thank you for the care you give each one.
      </Text>
      <MainAction href={queueUrl} label="Continue reviewing" />
    </EmailLayout>
  );
}

ReviewReminder.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  remaining: 3,
  dueAt: "14 Dec 2026",
  queueUrl: "http://localhost:3000/review",
} satisfies ReviewReminderProps;
