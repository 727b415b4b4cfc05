/** The roles of DESIGN §1. Only `staff` is granted directly; the others follow from what a person does. */
export const Role = {
  staff: "staff",
  reviewer: "reviewer",
  partner: "partner",
  ally: "ally",
  fellow: "fellow",
  alumnus: "alumnus",
  applicant: "applicant",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLE_LABELS: Record<Role, string> = {
  staff: "Program staff",
  reviewer: "Reviewer",
  partner: "Host partner",
  ally: "Network ally",
  fellow: "Fellow",
  alumnus: "Alumnus",
  applicant: "Applicant",
};

/**
 * Who may see profiles marked `network`: people inside the program. The one place this is
 * decided; a new role that belongs inside the network is added here.
 */
export const NETWORK_ROLES: readonly Role[] = [
  Role.staff,
  Role.partner,
  Role.reviewer,
  Role.ally,
  Role.fellow,
  Role.alumnus,
];

export function canSeeNetworkProfiles(user: { roles: readonly Role[] } | null): boolean {
  return user?.roles.some((role) => NETWORK_ROLES.includes(role)) ?? false;
}

/** The widest profile visibility a viewer may see: `public` for visitors, `staff` for staff. */
export type DirectoryAudience = "public" | "network" | "staff";

export function directoryAudience(user: { roles: readonly Role[] } | null): DirectoryAudience {
  if (user?.roles.includes(Role.staff)) return "staff";
  return canSeeNetworkProfiles(user) ? "network" : "public";
}

/** Who may write to an ally through the portal (DESIGN §3.4: partners and staff). */
export function canContactAllies(user: { roles: readonly Role[] } | null): boolean {
  return user?.roles.some((role) => role === Role.partner || role === Role.staff) ?? false;
}
