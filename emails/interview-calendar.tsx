import { Text } from "@react-email/components";
import { formatMoment, useEmailT, type EmailMoment, type EmailT } from "./components/i18n";
import type { Language } from "~/i18n/languages";
import { EmailLayout, MainAction } from "./components/layout";
import { interviewEmailReason, interviewPageLabel } from "./components/interview";

export interface InterviewCalendarProps {
  name: string;
  /** Who reads it: the finalist, or a member of the host. */
  audience: "finalist" | "host";
  change: "booked" | "moved" | "cancelled";
  positionTitle: string;
  organizationName: string;
  finalistName: string;
  /** The time, shown in the reader's time zone. */
  when: EmailMoment;
  minutes: number;
  location: string;
  /** Why the host cancelled, in their words. */
  message: string | null;
  manageUrl: string;
}

function heading(change: InterviewCalendarProps["change"], t: EmailT): string {
  switch (change) {
    case "booked":
      return t("email.interviewCalendar.headingBooked");
    case "moved":
      return t("email.interviewCalendar.headingMoved");
    case "cancelled":
      return t("email.interviewCalendar.headingCancelled");
  }
}

const otherSide = (props: InterviewCalendarProps) =>
  props.audience === "finalist" ? props.organizationName : props.finalistName;

export const subject = (props: InterviewCalendarProps, t: EmailT, language: Language) => {
  const values = { other: otherSide(props), when: formatMoment(props.when, language) };
  switch (props.change) {
    case "booked":
      return t("email.interviewCalendar.subjectBooked", values);
    case "moved":
      return t("email.interviewCalendar.subjectMoved", values);
    case "cancelled":
      return t("email.interviewCalendar.subjectCancelled", values);
  }
};

function body(props: InterviewCalendarProps, when: string, t: EmailT): string {
  const values = { other: otherSide(props), positionTitle: props.positionTitle, when, minutes: props.minutes };
  const location = props.location;
  switch (props.change) {
    case "cancelled":
      return t("email.interviewCalendar.bodyCancelled", values);
    case "moved":
      return location
        ? t("email.interviewCalendar.bodyMovedAt", { ...values, location })
        : t("email.interviewCalendar.bodyMoved", values);
    case "booked":
      return location
        ? t("email.interviewCalendar.bodyBookedAt", { ...values, location })
        : t("email.interviewCalendar.bodyBooked", values);
  }
}

export default function InterviewCalendar(props: InterviewCalendarProps) {
  const { t, language } = useEmailT();
  const when = formatMoment(props.when, language);
  return (
    <EmailLayout
      preview={`${heading(props.change, t)} — ${when}`}
      heading={heading(props.change, t)}
      reason={interviewEmailReason(props, t)}
    >
      <Text>{t("email.common.hello", { name: props.name })}</Text>
      <Text>{body(props, when, t)}</Text>
      {props.message ? <Text>{t("email.interviewCalendar.hostMessage", { message: props.message })}</Text> : null}
      {props.change === "cancelled" && props.audience === "finalist" ? (
        <Text>{t("email.interviewCalendar.chooseAnother")}</Text>
      ) : null}
      <MainAction href={props.manageUrl} label={interviewPageLabel(props.audience, t)} />
    </EmailLayout>
  );
}

InterviewCalendar.PreviewProps = {
  name: "Adaeze Nwosu",
  audience: "finalist",
  change: "booked",
  positionTitle: "Surveillance research fellow",
  organizationName: "Fundación Datos Libres",
  finalistName: "Adaeze Nwosu",
  when: { at: "2026-12-14T15:00:00.000Z", timeZone: "Europe/Madrid" },
  minutes: 45,
  location: "https://meet.example.org/datos-libres",
  message: null,
  manageUrl: "http://localhost:3000/me/interviews",
} satisfies InterviewCalendarProps;
