import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface MatchHostProps {
  name: string;
  cycleName: string;
  positionTitle: string;
  fellows: string[];
  partnerUrl: string;
}

export const subject = (props: MatchHostProps) => `Matching results for ${props.positionTitle}`;

export default function MatchHost({ name, cycleName, positionTitle, fellows, partnerUrl }: MatchHostProps) {
  return (
    <EmailLayout
      preview={`Results for ${positionTitle}`}
      heading="Your matching results"
      reason={`You received this email because your organization offers ${positionTitle} in ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      {fellows.length > 0 ? (
        <Text>
          The matching for {cycleName} placed {fellows.join(" and ")} with you as {positionTitle}. Each fellow now
          accepts or declines the placement; we will let you know.
        </Text>
      ) : (
        <Text>
          The matching for {cycleName} could not fill {positionTitle}: the finalists you ranked were placed elsewhere.
        </Text>
      )}
      <MainAction href={partnerUrl} label="See the results" />
    </EmailLayout>
  );
}

MatchHost.PreviewProps = {
  name: "Lena Fischer",
  cycleName: "Open Web Fellows 2026",
  positionTitle: "Surveillance research fellow",
  fellows: ["Lindiwe Zulu"],
  partnerUrl: "http://localhost:3000/partner/positions/abc",
} satisfies MatchHostProps;
