import { useTranslation } from "react-i18next";
import type { MessageKey } from "~/i18n/message";
import { SubNav } from "./sub-nav";

const LINKS: readonly { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/staff", label: "staff.nav.overview", end: true },
  { to: "/staff/cycles", label: "staff.nav.cycles" },
  { to: "/staff/organizations", label: "staff.nav.hosts" },
  { to: "/staff/fellowships", label: "staff.nav.fellowships" },
  { to: "/staff/users", label: "staff.nav.users" },
  { to: "/staff/campaigns", label: "staff.nav.campaigns" },
  { to: "/staff/allies", label: "staff.nav.allies" },
  { to: "/staff/emails", label: "staff.nav.emails" },
  { to: "/staff/webhooks", label: "staff.nav.webhooks" },
  { to: "/staff/audit", label: "staff.nav.audit" },
];

export function StaffNav() {
  const { t } = useTranslation();
  return <SubNav label={t("staff.nav.label")} links={LINKS.map((link) => ({ ...link, label: t(link.label) }))} />;
}
