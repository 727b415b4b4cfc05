import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Role } from "~/auth/roles";
import type common from "~/i18n/locales/en/index";

export interface HeaderUser {
  name: string;
  roles: Role[];
}

interface NavItem {
  to: string;
  /** A key of the "nav" messages. */
  label: `nav.${keyof (typeof common)["nav"]}`;
  /** Shown to a signed-in user who holds any of these roles; absent means everyone signed in. */
  roles?: Role[];
  /** Shown to visitors who are not signed in too. */
  public?: boolean;
}

const NAV: NavItem[] = [
  { to: "/directory", label: "nav.directory", public: true },
  { to: "/me/applications", label: "nav.myApplications", roles: [Role.applicant] },
  { to: "/me/interviews", label: "nav.interviews", roles: [Role.applicant] },
  { to: "/me/fellowship", label: "nav.fellowship", roles: [Role.fellow, Role.alumnus] },
  { to: "/review", label: "nav.review", roles: [Role.reviewer] },
  { to: "/partner", label: "nav.host", roles: [Role.partner] },
  { to: "/me/profile", label: "nav.myProfile" },
  { to: "/me/campaigns", label: "nav.myCampaigns", roles: [Role.ally] },
  { to: "/me/contacts", label: "nav.messages", roles: [Role.ally, Role.partner, Role.staff] },
  { to: "/staff", label: "nav.staff", roles: [Role.staff] },
  { to: "/me/account", label: "nav.account" },
];

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation();
  const items = user
    ? NAV.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)))
    : NAV.filter((item) => item.public);
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          Open Web Fellows
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {user ? (
              <li>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("nav.signUp")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
