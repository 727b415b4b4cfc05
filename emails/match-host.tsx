import { Text } from "@react-email/components";
import { intlLocale, useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface MatchHostProps {
  name: string;
  cycleName: string;
  positionTitle: string;
  fellows: string[];
  partnerUrl: string;
}

export const subject = ({ positionTitle }: MatchHostProps, t: EmailT) =>
  t("email.matchHost.subject", { positionTitle });

export default function MatchHost({ name, cycleName, positionTitle, fellows, partnerUrl }: MatchHostProps) {
  const { t, language } = useEmailT();
  const names = new Intl.ListFormat(intlLocale(language), { type: "conjunction" }).format(fellows);
  return (
    <EmailLayout
      preview={t("email.matchHost.preview", { positionTitle })}
      heading={t("email.matchHost.heading")}
      reason={t("email.matchHost.reason", { positionTitle, cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {fellows.length > 0
          ? t("email.matchHost.placed", { cycleName, fellows: names, positionTitle })
          : t("email.matchHost.unfilled", { cycleName, positionTitle })}
      </Text>
      <MainAction href={partnerUrl} label={t("email.matchHost.action")} />
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
