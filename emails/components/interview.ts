/** What both sides of an interview read in its emails: why they got it, and where to manage it. */
export type InterviewAudience = "finalist" | "host";

export function interviewEmailReason({
  audience,
  positionTitle,
  organizationName,
}: {
  audience: InterviewAudience;
  positionTitle: string;
  organizationName: string;
}): string {
  return audience === "finalist"
    ? `You received this email because you are a finalist for ${positionTitle} at ${organizationName}.`
    : `You received this email because your organization interviews finalists for ${positionTitle}.`;
}

export function interviewPageLabel(audience: InterviewAudience): string {
  return audience === "finalist" ? "Your interviews" : "The interview schedule";
}
