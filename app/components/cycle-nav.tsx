import { useTranslation } from "react-i18next";
import type { MessageKey } from "~/i18n/message";
import { SubNav } from "./sub-nav";

const PAGES: { path: string; label: MessageKey; end?: boolean }[] = [
  { path: "", label: "cycleAdmin.nav.overview", end: true },
  { path: "/settings", label: "cycleAdmin.nav.settings" },
  { path: "/eligibility", label: "cycleAdmin.nav.eligibility" },
  { path: "/questions", label: "cycleAdmin.nav.questions" },
  { path: "/letters", label: "cycleAdmin.nav.letters" },
  { path: "/applications", label: "cycleAdmin.nav.applications" },
  { path: "/completeness", label: "cycleAdmin.nav.completeness" },
  { path: "/referee-questions", label: "cycleAdmin.nav.referees" },
  { path: "/demographics", label: "cycleAdmin.nav.demographics" },
  { path: "/rounds", label: "cycleAdmin.nav.rounds" },
  { path: "/rubric", label: "cycleAdmin.nav.rubric" },
  { path: "/reviewers", label: "cycleAdmin.nav.reviewers" },
  { path: "/assignments", label: "cycleAdmin.nav.assignments" },
  { path: "/ranking", label: "cycleAdmin.nav.ranking" },
  { path: "/decisions", label: "cycleAdmin.nav.decisions" },
  { path: "/positions", label: "cycleAdmin.nav.positions" },
  { path: "/interviews", label: "cycleAdmin.nav.interviews" },
  { path: "/matching", label: "cycleAdmin.nav.matching" },
  { path: "/fellowship", label: "cycleAdmin.nav.fellowship" },
];

/** The staff pages of one cycle. */
export function CycleNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t("cycleAdmin.nav.label")}
      links={PAGES.map((page) => ({ to: `/staff/cycles/${slug}${page.path}`, label: t(page.label), end: page.end }))}
    />
  );
}
