import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface MatchResultProps {
  name: string;
  cycleName: string;
  positionTitle: string | null;
  organizationName: string | null;
  applicationsUrl: string;
}

export const subject = ({ positionTitle, organizationName, cycleName }: MatchResultProps, t: EmailT) =>
  positionTitle
    ? t("email.matchResult.subjectMatched", { organizationName })
    : t("email.matchResult.subjectUnmatched", { cycleName });

export default function MatchResult({
  name,
  cycleName,
  positionTitle,
  organizationName,
  applicationsUrl,
}: MatchResultProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={
        positionTitle
          ? t("email.matchResult.previewMatched", { positionTitle })
          : t("email.matchResult.previewUnmatched")
      }
      heading={positionTitle ? t("email.matchResult.headingMatched") : t("email.matchResult.headingUnmatched")}
      reason={t("email.matchResult.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {positionTitle
          ? t("email.matchResult.bodyMatched", { cycleName, organizationName, positionTitle })
          : t("email.matchResult.bodyUnmatched", { cycleName })}
      </Text>
      <MainAction
        href={applicationsUrl}
        label={positionTitle ? t("email.common.acceptOrDecline") : t("email.common.yourApplications")}
      />
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
