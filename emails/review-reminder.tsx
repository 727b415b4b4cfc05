import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

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
    <EmailLayout preview={`${remaining} reviews waiting for you`} heading="Your reviews are waiting">
      <Text>Hello {name},</Text>
      <Text>
        You have {remaining} review{remaining === 1 ? "" : "s"} left to submit for {cycleName}
        {dueAt ? `; they are due by ${dueAt}` : ""}. Thank you for the care you give each one.
      </Text>
      <Button href={queueUrl} style={buttonStyle}>
        Continue reviewing
      </Button>
      <Text>Or open {queueUrl}</Text>
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
