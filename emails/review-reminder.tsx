import { Text } from "@react-email/components";
import { formatDay, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReviewReminderProps {
  name: string;
  cycleName: string;
  remaining: number;
  /** The review deadline, shown as a day in the cycle's time zone. */
  dueAt: EmailMoment | null;
  queueUrl: string;
}

export const subject = ({ remaining, cycleName }: ReviewReminderProps, t: EmailT) =>
  t("email.reviewReminder.subject", { count: remaining, cycleName });

export default function ReviewReminder({ name, cycleName, remaining, dueAt, queueUrl }: ReviewReminderProps) {
  const { t, language } = useEmailT();
  const left = dueAt
    ? t("email.reviewReminder.bodyDue", { count: remaining, cycleName, dueAt: formatDay(dueAt, language) })
    : t("email.reviewReminder.body", { count: remaining, cycleName });
  return (
    <EmailLayout
      preview={t("email.reviewReminder.preview", { count: remaining })}
      heading={t("email.reviewReminder.heading")}
      reason={t("email.common.reviewReason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{`${left} ${t("email.reviewReminder.thanks")}`}</Text>
      <MainAction href={queueUrl} label={t("email.reviewReminder.action")} />
    </EmailLayout>
  );
}

ReviewReminder.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  remaining: 3,
  dueAt: { at: "2026-12-14T12:00:00.000Z", timeZone: "UTC" },
  queueUrl: "http://localhost:3000/review",
} satisfies ReviewReminderProps;
