import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ApplicationWithdrawnProps {
  name: string;
  cycleName: string;
  withdrawnAt: EmailMoment;
  applicationsUrl: string;
}

export const subject = (props: ApplicationWithdrawnProps, t: EmailT) =>
  t("email.withdrawn.subject", { cycleName: props.cycleName });

export default function ApplicationWithdrawn({
  name,
  cycleName,
  withdrawnAt,
  applicationsUrl,
}: ApplicationWithdrawnProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.withdrawn.preview", { cycleName })}
      heading={t("email.withdrawn.heading")}
      reason={t("email.withdrawn.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{t("email.withdrawn.body", { cycleName, withdrawnAt: formatMoment(withdrawnAt, language) })}</Text>
      <MainAction href={applicationsUrl} label={t("email.common.yourApplications")} />
    </EmailLayout>
  );
}

ApplicationWithdrawn.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2027",
  withdrawnAt: { at: "2027-04-14T13:12:00.000Z", timeZone: "America/New_York" },
  applicationsUrl: "http://localhost:3000/me/applications",
} satisfies ApplicationWithdrawnProps;
