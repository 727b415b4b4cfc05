import { Text } from "@react-email/components";
import { useEmailT, type EmailT } from "./components/i18n";
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

export const subject = ({ outcome, cycleName }: DecisionProps, t: EmailT) =>
  outcome === "finalist"
    ? t("email.decision.subjectFinalist", { cycleName })
    : outcome === "waitlisted"
      ? t("email.decision.subjectWaitlisted", { cycleName })
      : outcome === "not_invited"
        ? t("email.decision.subjectNotInvited", { cycleName })
        : t("email.decision.subjectNotSelected", { cycleName });

function body(outcome: DecisionProps["outcome"], cycleName: string, t: EmailT): string {
  switch (outcome) {
    case "finalist":
      return t("email.decision.bodyFinalist", { cycleName });
    case "waitlisted":
      return t("email.decision.bodyWaitlisted", { cycleName });
    case "not_invited":
      return t("email.decision.bodyNotInvited", { cycleName });
    case "not_selected":
      return t("email.decision.bodyNotSelected", { cycleName });
  }
}

export default function Decision({ name, cycleName, outcome, feedback, metaReview, applicationsUrl }: DecisionProps) {
  const { t } = useEmailT();
  return (
    <EmailLayout
      preview={outcome === "finalist" ? t("email.decision.previewFinalist") : t("email.decision.previewUpdate")}
      heading={outcome === "finalist" ? t("email.decision.headingFinalist") : t("email.decision.headingUpdate")}
      reason={t("email.decision.reason", { cycleName })}
    >
      <Text>{t("email.common.hello", { name })}</Text>
      <Text>{body(outcome, cycleName, t)}</Text>
      {feedback ? (
        <>
          <Text>{t("email.decision.fromReviewers")}</Text>
          <Text style={{ whiteSpace: "pre-wrap", fontStyle: "italic" }}>{feedback}</Text>
        </>
      ) : null}
      {metaReview ? (
        <>
          <Text>{t("email.decision.panelSummary")}</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{metaReview}</Text>
        </>
      ) : null}
      <MainAction href={applicationsUrl} label={t("email.common.yourApplications")} />
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
