import { Text } from "@react-email/components";
import type { Language } from "~/i18n/languages";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import { EmailLayout, MainAction } from "./components/layout";
import { interviewEmailReason, interviewPageLabel } from "./components/interview";

export interface InterviewReminderProps {
  name: string;
  audience: "finalist" | "host";
  positionTitle: string;
  organizationName: string;
  finalistName: string;
  /** The time, shown in the reader's time zone. */
  when: EmailMoment;
  location: string;
  manageUrl: string;
}

const otherSide = (props: InterviewReminderProps) =>
  props.audience === "finalist" ? props.organizationName : props.finalistName;

export const subject = (props: InterviewReminderProps, t: EmailT, language: Language) =>
  t("email.interviewReminder.subject", { other: otherSide(props), when: formatMoment(props.when, language) });

export default function InterviewReminder(props: InterviewReminderProps) {
  const { t, language } = useEmailT();
  const when = formatMoment(props.when, language);
  const values = { other: otherSide(props), positionTitle: props.positionTitle, when };
  return (
    <EmailLayout
      preview={t("email.interviewReminder.preview", { when })}
      heading={t("email.interviewReminder.heading")}
      reason={interviewEmailReason(props, t)}
    >
      <Text>{t("email.common.hello", { name: props.name })}</Text>
      <Text>
        {props.location
          ? t("email.interviewReminder.bodyAt", { ...values, location: props.location })
          : t("email.interviewReminder.body", values)}
      </Text>
      <MainAction href={props.manageUrl} label={interviewPageLabel(props.audience, t)} />
    </EmailLayout>
  );
}

InterviewReminder.PreviewProps = {
  name: "Adaeze Nwosu",
  audience: "finalist",
  positionTitle: "Surveillance research fellow",
  organizationName: "Fundación Datos Libres",
  finalistName: "Adaeze Nwosu",
  when: { at: "2026-12-14T15:00:00.000Z", timeZone: "Europe/Madrid" },
  location: "https://meet.example.org/datos-libres",
  manageUrl: "http://localhost:3000/me/interviews",
} satisfies InterviewReminderProps;
