import { SubNav } from "./sub-nav";

const LINKS = [
  { to: "/staff", label: "Overview", end: true },
  { to: "/staff/cycles", label: "Cycles" },
  { to: "/staff/organizations", label: "Hosts" },
  { to: "/staff/fellowships", label: "Fellowships" },
  { to: "/staff/users", label: "Users" },
  { to: "/staff/campaigns", label: "Campaigns" },
  { to: "/staff/allies", label: "Allies" },
  { to: "/staff/emails", label: "Emails" },
  { to: "/staff/webhooks", label: "Webhooks" },
  { to: "/staff/audit", label: "Audit log" },
];

export function StaffNav() {
  return <SubNav label="Staff" links={LINKS} />;
}
