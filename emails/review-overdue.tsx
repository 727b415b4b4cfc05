import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewOverdueProps {
  name: string;
  cycleName: string;
  /** The application as the reviewer sees it (a blind label in a blind cycle). */
  applicationLabel: string;
  dueAt: string;
  daysOverdue: number;
  reviewUrl: string;
}

export const subject = (props: ReviewOverdueProps) => `Overdue review: ${props.applicationLabel}`;

export default function ReviewOverdue({
  name,
  cycleName,
  applicationLabel,
  dueAt,
  daysOverdue,
  reviewUrl,
}: ReviewOverdueProps) {
  return (
    <EmailLayout
      preview={`Your review of ${applicationLabel} is overdue`}
      heading="A review is overdue"
      reason={`You received this email because you review applications for ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        Your review of {applicationLabel} was due on {dueAt} ({daysOverdue} day{daysOverdue === 1 ? "" : "s"} ago). The
        panel waits for it before the decisions. If you cannot review it, recuse yourself on the review page and it goes
        to someone else at once.
      </Text>
      <MainAction href={reviewUrl} label="Open the review" />
    </EmailLayout>
  );
}

ReviewOverdue.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  applicationLabel: "Application 3F2A91C0",
  dueAt: "14 Dec 2026",
  daysOverdue: 3,
  reviewUrl: "http://localhost:3000/review/00000000-0000-0000-0000-000000000000",
} satisfies ReviewOverdueProps;
