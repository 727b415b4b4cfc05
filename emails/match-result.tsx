import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface MatchResultProps {
  name: string;
  cycleName: string;
  positionTitle: string | null;
  organizationName: string | null;
  applicationsUrl: string;
}

export const subject = (props: MatchResultProps) =>
  props.positionTitle ? `You are matched with ${props.organizationName}` : `Your placement in ${props.cycleName}`;

export default function MatchResult({
  name,
  cycleName,
  positionTitle,
  organizationName,
  applicationsUrl,
}: MatchResultProps) {
  return (
    <EmailLayout
      preview={positionTitle ? `Matched: ${positionTitle}` : "An update on your placement"}
      heading={positionTitle ? "You are matched" : "No placement this time"}
      reason={`You received this email because you are a finalist of ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      {positionTitle ? (
        <Text>
          The matching for {cycleName} placed you with {organizationName} as {positionTitle}. Please accept or decline
          the placement on your applications page.
        </Text>
      ) : (
        <Text>
          The matching for {cycleName} could not place you: the positions you ranked were filled by finalists their
          hosts ranked higher, or did not rank you. This is not a judgement of your work; we hope to stay in touch
          through the network.
        </Text>
      )}
      <MainAction href={applicationsUrl} label={positionTitle ? "Accept or decline" : "Your applications"} />
    </EmailLayout>
  );
}

MatchResult.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2026",
  positionTitle: "Surveillance research fellow",
  organizationName: "Fundación Datos Libres",
  applicationsUrl: "http://localhost:3000/me/applications",
} satisfies MatchResultProps;
