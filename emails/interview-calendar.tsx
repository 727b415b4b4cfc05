import { Text } from "@react-email/components";
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
  /** The time in the reader's time zone. */
  when: string;
  minutes: number;
  location: string;
  /** Why the host cancelled, in their words. */
  message: string | null;
  manageUrl: string;
}

const HEADINGS = { booked: "Interview booked", moved: "Interview moved", cancelled: "Interview cancelled" } as const;

export const subject = (props: InterviewCalendarProps) =>
  `${HEADINGS[props.change]}: ${props.audience === "finalist" ? props.organizationName : props.finalistName}, ${props.when}`;

export default function InterviewCalendar(props: InterviewCalendarProps) {
  const other = props.audience === "finalist" ? props.organizationName : props.finalistName;
  return (
    <EmailLayout
      preview={`${HEADINGS[props.change]} — ${props.when}`}
      heading={HEADINGS[props.change]}
      reason={interviewEmailReason(props)}
    >
      <Text>Hello {props.name},</Text>
      {props.change === "cancelled" ? (
        <Text>
          The interview with {other} for {props.positionTitle} on {props.when} is cancelled. The attached calendar file
          removes it from your calendar.
        </Text>
      ) : (
        <Text>
          {props.change === "moved" ? "The interview is now" : "You have an interview"} with {other} for{" "}
          {props.positionTitle} on {props.when} ({props.minutes} minutes)
          {props.location ? `, at ${props.location}` : ""}. The attached calendar file{" "}
          {props.change === "moved" ? "updates your calendar" : "adds it to your calendar"}.
        </Text>
      )}
      {props.message ? <Text>Message from the host: “{props.message}”</Text> : null}
      {props.change === "cancelled" && props.audience === "finalist" ? (
        <Text>You can choose another time in the portal if the host offers one.</Text>
      ) : null}
      <MainAction href={props.manageUrl} label={interviewPageLabel(props.audience)} />
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
  when: "14 Dec 2026, 16:00 GMT+1",
  minutes: 45,
  location: "https://meet.example.org/datos-libres",
  message: null,
  manageUrl: "http://localhost:3000/me/interviews",
} satisfies InterviewCalendarProps;
