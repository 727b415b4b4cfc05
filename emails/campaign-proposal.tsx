import { Text } from "@react-email/components";
import { formatDay, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface CampaignProposalProps {
  allyName: string;
  campaignName: string;
  summary: string;
  /** The campaign's first and last days. */
  startsOn: EmailMoment;
  endsOn: EmailMoment;
  role: string | null;
  acceptUrl: string;
  declineUrl: string;
  expiresAt: EmailMoment;
}

export const subject = ({ campaignName }: CampaignProposalProps, t: EmailT) =>
  t("email.campaignProposal.subject", { campaignName });

export default function CampaignProposal(props: CampaignProposalProps) {
  const { t, language } = useEmailT();
  const { campaignName, role } = props;
  const dates = `${formatDay(props.startsOn, language)} – ${formatDay(props.endsOn, language)}`;
  return (
    <EmailLayout
      preview={t("email.campaignProposal.preview", { campaignName })}
      heading={t("email.campaignProposal.heading", { campaignName })}
      reason={t("email.common.directoryReason")}
    >
      <Text>{t("email.common.hello", { name: props.allyName })}</Text>
      <Text>
        {role
          ? t("email.campaignProposal.bodyRole", { campaignName, dates, role })
          : t("email.campaignProposal.body", { campaignName, dates })}
      </Text>
      {props.summary ? <Text>{props.summary}</Text> : null}
      <MainAction href={props.acceptUrl} label={t("email.campaignProposal.accept")} />
      <MainAction href={props.declineUrl} label={t("email.campaignProposal.decline")} secondary />
      <Text>{t("email.campaignProposal.links", { expiresAt: formatDay(props.expiresAt, language) })}</Text>
    </EmailLayout>
  );
}

CampaignProposal.PreviewProps = {
  allyName: "Tomás Rivera",
  campaignName: "Stand Up for Encryption",
  summary: "Security trainings and stories that explain why encryption protects everyone.",
  startsOn: { at: "2027-02-01T00:00:00.000Z", timeZone: "UTC" },
  endsOn: { at: "2027-04-30T00:00:00.000Z", timeZone: "UTC" },
  role: "security training",
  acceptUrl: "http://localhost:3000/campaign-replies/abc?answer=accept",
  declineUrl: "http://localhost:3000/campaign-replies/abc?answer=decline",
  expiresAt: { at: "2027-01-15T10:00:00.000Z", timeZone: "UTC" },
} satisfies CampaignProposalProps;
