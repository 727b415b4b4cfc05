import { Text } from "@react-email/components";
import { formatDay, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";

export interface AssignmentDigestProps {
  name: string;
  cycleName: string;
  count: number;
  /** The round's review deadline, shown as a day in the cycle's time zone. */
  dueAt: EmailMoment | null;
  queueUrl: string;
}

export const subject = ({ count, cycleName }: AssignmentDigestProps, t: EmailT) =>
  t("email.assignmentDigest.subject", { count, cycleName });

export default function AssignmentDigest({ name, cycleName, count, dueAt, queueUrl }: AssignmentDigestProps) {
  const { t, language } = useEmailT();
  const assigned = dueAt
    ? t("email.assignmentDigest.bodyDue", { count, cycleName, dueAt: formatDay(dueAt, language) })
    : t("email.assignmentDigest.body", { count, cycleName });
  return (
    <EmailLayout
      preview={t("email.assignmentDigest.preview", { cycleName })}
      heading={t("email.assignmentDigest.heading")}
      reason={t("email.common.reviewReason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{`${assigned} ${t("email.assignmentDigest.recuse")}`}</Text>
      <MainAction href={queueUrl} label={t("email.assignmentDigest.action")} />
    </EmailLayout>
  );
}

AssignmentDigest.PreviewProps = {
  name: "Kwame Mensah",
  cycleName: "Open Web Fellows 2026",
  count: 9,
  dueAt: { at: "2026-12-14T12:00:00.000Z", timeZone: "UTC" },
  queueUrl: "http://localhost:3000/review",
} satisfies AssignmentDigestProps;
