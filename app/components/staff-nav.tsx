import { NavLink } from "@remix-run/react";

const LINKS = [
  { to: "/staff", label: "Overview", end: true },
  { to: "/staff/cycles", label: "Cycles" },
  { to: "/staff/organizations", label: "Hosts" },
  { to: "/staff/users", label: "Users" },
  { to: "/staff/campaigns", label: "Campaigns" },
  { to: "/staff/allies", label: "Allies" },
  { to: "/staff/emails", label: "Emails" },
  { to: "/staff/audit", label: "Audit log" },
];

export function StaffNav() {
  return (
    <nav aria-label="Staff" className="subnav">
      <ul className="nav-list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
