import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface RankingReminderProps {
  name: string;
  cycleName: string;
  /** The ranking deadline, shown in the cycle's time zone. */
  deadline: EmailMoment | null;
  rankUrl: string;
}

export const subject = ({ cycleName }: RankingReminderProps, t: EmailT) =>
  t("email.rankingReminder.subject", { cycleName });

export default function RankingReminder({ name, cycleName, deadline, rankUrl }: RankingReminderProps) {
  const { t, language } = useEmailT();
  return (
    <EmailLayout
      preview={t("email.rankingReminder.preview")}
      heading={t("email.rankingReminder.heading")}
      reason={t("email.rankingReminder.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {deadline
          ? t("email.rankingReminder.bodyDeadline", { cycleName, deadline: formatMoment(deadline, language) })
          : t("email.rankingReminder.body", { cycleName })}
      </Text>
      <MainAction href={rankUrl} label={t("email.rankingReminder.action")} />
    </EmailLayout>
  );
}

RankingReminder.PreviewProps = {
  name: "Lena Fischer",
  cycleName: "Open Web Fellows 2026",
  deadline: { at: "2026-12-10T22:00:00.000Z", timeZone: "America/New_York" },
  rankUrl: "http://localhost:3000/partner",
} satisfies RankingReminderProps;
