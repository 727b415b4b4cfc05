import { Text } from "@react-email/components";
import { formatDay, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewOverdueProps {
  name: string;
  cycleName: string;
  /** The application as the reviewer sees it (a blind label in a blind cycle). */
  applicationLabel: string;
  /** The review's deadline, shown as a day in the cycle's time zone. */
  dueAt: EmailMoment;
  daysOverdue: number;
  reviewUrl: string;
}

export const subject = ({ applicationLabel }: ReviewOverdueProps, t: EmailT) =>
  t("email.reviewOverdue.subject", { applicationLabel });

export default function ReviewOverdue({
  name,
  cycleName,
  applicationLabel,
  dueAt,
  daysOverdue,
  reviewUrl,
}: ReviewOverdueProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.reviewOverdue.preview", { applicationLabel })}
      heading={t("email.reviewOverdue.heading")}
      reason={t("email.common.reviewReason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {t("email.reviewOverdue.body", { applicationLabel, dueAt: formatDay(dueAt, language), count: daysOverdue })}
      </Text>
      <MainAction href={reviewUrl} label={t("email.reviewOverdue.action")} />
    </EmailLayout>
  );
}

ReviewOverdue.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  applicationLabel: "Application 3F2A91C0",
  dueAt: { at: "2026-12-14T12:00:00.000Z", timeZone: "UTC" },
  daysOverdue: 3,
  reviewUrl: "http://localhost:3000/review/00000000-0000-0000-0000-000000000000",
} satisfies ReviewOverdueProps;
