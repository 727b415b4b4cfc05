import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface CampaignProposalProps {
  allyName: string;
  campaignName: string;
  summary: string;
  dates: string;
  role: string | null;
  acceptUrl: string;
  declineUrl: string;
  expiresAt: string;
}

export const subject = ({ campaignName }: CampaignProposalProps) => `Will you join the campaign “${campaignName}”?`;

export default function CampaignProposal(props: CampaignProposalProps) {
  return (
    <EmailLayout
      preview={`The program staff suggest you for ${props.campaignName}`}
      heading={`Join ${props.campaignName}?`}
      reason="You received this email because you are listed in the Open Web Fellows network directory."
    >
      <Text>Hello {props.allyName},</Text>
      <Text>
        The Open Web Fellows staff would like you on the campaign “{props.campaignName}” ({props.dates})
        {props.role ? `, for ${props.role}` : ""}.
      </Text>
      {props.summary ? <Text>{props.summary}</Text> : null}
      <MainAction href={props.acceptUrl} label="Accept" />
      <MainAction href={props.declineUrl} label="Decline" secondary />
      <Text>
        Each link asks you to confirm, works once and expires on {props.expiresAt}. You can also answer on your
        campaigns page in the portal.
      </Text>
    </EmailLayout>
  );
}

CampaignProposal.PreviewProps = {
  allyName: "Tomás Rivera",
  campaignName: "Stand Up for Encryption",
  summary: "Security trainings and stories that explain why encryption protects everyone.",
  dates: "1 Feb 2027 – 30 Apr 2027",
  role: "security training",
  acceptUrl: "http://localhost:3000/campaign-replies/abc?answer=accept",
  declineUrl: "http://localhost:3000/campaign-replies/abc?answer=decline",
  expiresAt: "15 January 2027",
} satisfies CampaignProposalProps;
