import { Text } from "@react-email/components";
import type { Language } from "~/i18n/languages";
import { formatDay, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface ReportReminderProps {
  name: string;
  reportTitle: string;
  /** The day the report is due. */
  dueOn: EmailMoment;
  late: boolean;
  reportUrl: string;
}

export const subject = ({ late, reportTitle, dueOn }: ReportReminderProps, t: EmailT, language: Language) =>
  late
    ? t("email.reportReminder.subjectLate", { reportTitle })
    : t("email.reportReminder.subjectDue", { reportTitle, dueOn: formatDay(dueOn, language) });

export default function ReportReminder({ name, reportTitle, dueOn, late, reportUrl }: ReportReminderProps) {
  const { t, language } = useEmailT();
  const day = formatDay(dueOn, language);
  return (
    <EmailLayout
      preview={late ? t("email.reportReminder.previewLate") : t("email.reportReminder.previewDue")}
      heading={reportTitle}
      reason={t("email.reportReminder.reason", { reportTitle })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>
        {late
          ? t("email.reportReminder.bodyLate", { reportTitle, dueOn: day })
          : t("email.reportReminder.bodyDue", { reportTitle, dueOn: day })}
      </Text>
      <MainAction href={reportUrl} label={t("email.reportReminder.action")} />
    </EmailLayout>
  );
}

ReportReminder.PreviewProps = {
  name: "Adaeze Nwosu",
  reportTitle: "Monthly check-in",
  dueOn: { at: "2026-12-15T12:00:00.000Z", timeZone: "UTC" },
  late: false,
  reportUrl: "http://localhost:3000/me/fellowship",
} satisfies ReportReminderProps;
