import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface FellowshipCompletedProps {
  name: string;
  organizationName: string;
  cohortYear: number;
  fellowshipUrl: string;
}

export const subject = ({ cohortYear }: FellowshipCompletedProps, t: EmailT) =>
  t("email.fellowshipCompleted.subject", { cohortYear });

export default function FellowshipCompleted({
  name,
  organizationName,
  cohortYear,
  fellowshipUrl,
}: FellowshipCompletedProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.fellowshipCompleted.preview")}
      heading={t("email.fellowshipCompleted.heading")}
      reason={t("email.fellowshipCompleted.reason", { organizationName })}
    >
      <Text>{t("email.fellowshipCompleted.congratulations", { name })}</Text>
      <Text>{t("email.fellowshipCompleted.body", { organizationName, cohortYear })}</Text>
      <MainAction href={fellowshipUrl} label={t("email.fellowshipCompleted.action")} />
    </EmailLayout>
  );
}

FellowshipCompleted.PreviewProps = {
  name: "Adaeze Nwosu",
  organizationName: "Fundación Datos Libres",
  cohortYear: 2025,
  fellowshipUrl: "http://localhost:3000/me/fellowship",
} satisfies FellowshipCompletedProps;
