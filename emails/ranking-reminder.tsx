import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface RankingReminderProps {
  name: string;
  cycleName: string;
  deadline: string | null;
  rankUrl: string;
}

export const subject = (props: RankingReminderProps) => `Please submit your ranking for ${props.cycleName}`;

export default function RankingReminder({ name, cycleName, deadline, rankUrl }: RankingReminderProps) {
  return (
    <EmailLayout
      preview="Your rank list is still empty"
      heading="Your ranking is missing"
      reason={`You received this email because you take part in the matching of ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      <Text>
        The matching for {cycleName} needs your rank list{deadline ? ` by ${deadline}` : ""}. Only pairs ranked by both
        sides can be matched, so without a list there can be no placement.
      </Text>
      <MainAction href={rankUrl} label="Rank now" />
    </EmailLayout>
  );
}

RankingReminder.PreviewProps = {
  name: "Lena Fischer",
  cycleName: "Open Web Fellows 2026",
  deadline: "10 Dec 2026, 17:00 EST",
  rankUrl: "http://localhost:3000/partner",
} satisfies RankingReminderProps;
