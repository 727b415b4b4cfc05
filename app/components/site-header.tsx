import { Form, Link, NavLink } from "@remix-run/react";
import { Role } from "~/auth/roles";

export interface HeaderUser {
  name: string;
  roles: Role[];
}

interface NavItem {
  to: string;
  label: string;
  /** Shown to a signed-in user who holds any of these roles; absent means everyone signed in. */
  roles?: Role[];
  /** Shown to visitors who are not signed in too. */
  public?: boolean;
}

const NAV: NavItem[] = [
  { to: "/directory", label: "Directory", public: true },
  { to: "/me/applications", label: "My applications", roles: [Role.applicant] },
  { to: "/me/interviews", label: "Interviews", roles: [Role.applicant] },
  { to: "/me/fellowship", label: "Fellowship", roles: [Role.fellow, Role.alumnus] },
  { to: "/review", label: "Review", roles: [Role.reviewer] },
  { to: "/partner", label: "Host", roles: [Role.partner] },
  { to: "/me/profile", label: "My profile" },
  { to: "/me/campaigns", label: "My campaigns", roles: [Role.ally] },
  { to: "/me/contacts", label: "Messages", roles: [Role.ally, Role.partner, Role.staff] },
  { to: "/staff", label: "Staff", roles: [Role.staff] },
  { to: "/me/account", label: "Account" },
];

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const items = user
    ? NAV.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)))
    : NAV.filter((item) => item.public);
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          Open Web Fellows
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {item.label}
                </NavLink>
              </li>
            ))}
            {user ? (
              <li>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </Form>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Sign in</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">Sign up</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
