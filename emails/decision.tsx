import { Text } from "@react-email/components";
import { EmailLayout, MainAction } from "./components/layout";

export interface DecisionProps {
  name: string;
  cycleName: string;
  /** `not_invited`: a letter of intent not invited to the full application (released like a decision). */
  outcome: "finalist" | "waitlisted" | "not_selected" | "not_invited";
  feedback: string | null;
  /** The panel's meta-review, when staff marked it to go to the applicant with the decision. */
  metaReview?: string | null;
  applicationsUrl: string;
}

export const subject = (props: DecisionProps) =>
  props.outcome === "finalist"
    ? `You are a finalist for ${props.cycleName}`
    : props.outcome === "waitlisted"
      ? `You are on the waitlist for ${props.cycleName}`
      : props.outcome === "not_invited"
        ? `Your letter of intent to ${props.cycleName}`
        : `Your application to ${props.cycleName}`;

export default function Decision({ name, cycleName, outcome, feedback, metaReview, applicationsUrl }: DecisionProps) {
  return (
    <EmailLayout
      preview={outcome === "finalist" ? "Good news about your application" : "An update on your application"}
      heading={outcome === "finalist" ? "You are a finalist" : "An update on your application"}
      reason={`You received this email because you applied to ${cycleName}.`}
    >
      <Text>Hello {name},</Text>
      {outcome === "finalist" ? (
        <Text>
          Congratulations: the review panel selected you as a finalist for {cycleName}. Next, host organizations will
          read your application and may ask to talk with you; you will then rank the positions you were considered for.
        </Text>
      ) : outcome === "waitlisted" ? (
        <Text>
          Thank you for applying to {cycleName}. The review panel placed your application on the waitlist: we cannot
          offer you a finalist place yet, but if one comes free we will write to you again. There is nothing you need to
          do now.
        </Text>
      ) : outcome === "not_invited" ? (
        <Text>
          Thank you for your letter of intent to {cycleName}. We read every letter with care, and this time we cannot
          invite you to submit a full application. Many strong applicants are not invited; we hope you will apply again.
        </Text>
      ) : (
        <Text>
          Thank you for applying to {cycleName}. We read every application with care, and this time we could not select
          yours. Many strong applicants are not selected; we hope you will apply again.
        </Text>
      )}
      {feedback ? (
        <>
          <Text>From the reviewers:</Text>
          <Text style={{ whiteSpace: "pre-wrap", fontStyle: "italic" }}>{feedback}</Text>
        </>
      ) : null}
      {metaReview ? (
        <>
          <Text>The review panel’s summary of your application:</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{metaReview}</Text>
        </>
      ) : null}
      <MainAction href={applicationsUrl} label="Your applications" />
    </EmailLayout>
  );
}

Decision.PreviewProps = {
  name: "Amina Okafor",
  cycleName: "Open Web Fellows 2026",
  outcome: "finalist",
  feedback: "A clear, concrete plan and a strong record of working in the open.",
  metaReview:
    "The panel agreed the plan is realistic; two reviewers asked for more detail on how you would share progress.",
  applicationsUrl: "http://localhost:3000/me/applications",
} satisfies DecisionProps;
