import { NavLink } from "@remix-run/react";

const PAGES = [
  { path: "", label: "Overview", end: true },
  { path: "/settings", label: "Settings" },
  { path: "/questions", label: "Questions" },
  { path: "/applications", label: "Applications" },
  { path: "/demographics", label: "Demographics" },
  { path: "/rubric", label: "Rubric" },
  { path: "/reviewers", label: "Reviewers" },
  { path: "/assignments", label: "Assignments" },
  { path: "/ranking", label: "Ranking" },
  { path: "/decisions", label: "Decisions" },
  { path: "/positions", label: "Positions" },
  { path: "/matching", label: "Matching" },
];

/** The staff pages of one cycle. */
export function CycleNav({ slug }: { slug: string }) {
  return (
    <nav aria-label="Cycle" className="subnav">
      <ul className="nav-list">
        {PAGES.map((page) => (
          <li key={page.path}>
            <NavLink to={`/staff/cycles/${slug}${page.path}`} end={page.end}>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
