import { SubNav } from "./sub-nav";

const PAGES = [
  { path: "", label: "Overview", end: true },
  { path: "/settings", label: "Settings" },
  { path: "/eligibility", label: "Eligibility" },
  { path: "/questions", label: "Questions" },
  { path: "/letters", label: "Letters of intent" },
  { path: "/applications", label: "Applications" },
  { path: "/completeness", label: "Completeness" },
  { path: "/referee-questions", label: "Referees" },
  { path: "/demographics", label: "Demographics" },
  { path: "/rounds", label: "Rounds" },
  { path: "/rubric", label: "Rubric" },
  { path: "/reviewers", label: "Reviewers" },
  { path: "/assignments", label: "Assignments" },
  { path: "/ranking", label: "Ranking" },
  { path: "/decisions", label: "Decisions" },
  { path: "/positions", label: "Positions" },
  { path: "/interviews", label: "Interviews" },
  { path: "/matching", label: "Matching" },
  { path: "/fellowship", label: "Fellowship year" },
];

/** The staff pages of one cycle. */
export function CycleNav({ slug }: { slug: string }) {
  return (
    <SubNav
      label="Cycle"
      links={PAGES.map((page) => ({ to: `/staff/cycles/${slug}${page.path}`, label: page.label, end: page.end }))}
    />
  );
}
