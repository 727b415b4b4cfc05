/** The roles of DESIGN §1. Only `staff` is granted directly; the others follow from what a person does. */
export const Role = {
  staff: "staff",
  reviewer: "reviewer",
  partner: "partner",
  ally: "ally",
  applicant: "applicant",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLE_LABELS: Record<Role, string> = {
  staff: "Program staff",
  reviewer: "Reviewer",
  partner: "Host partner",
  ally: "Network ally",
  applicant: "Applicant",
};
