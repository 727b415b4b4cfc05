import { NavLink } from "@remix-run/react";

export interface SubNavLink {
  to: string;
  label: string;
  end?: boolean;
}

/** A section's own row of links under the site header (staff pages, one cycle's pages). */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  return (
    <nav aria-label={label} className="subnav">
      <ul className="nav-list">
        {links.map((link) => (
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
