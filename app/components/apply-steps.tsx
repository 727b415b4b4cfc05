import { Link } from "@remix-run/react";

/** The steps of the application form, with the current one marked. */
export function ApplySteps({
  slug,
  steps,
  current,
}: {
  slug: string;
  steps: { number: number; title: string }[];
  current: number | "about-you" | "review" | "overview";
}) {
  const items = [
    { key: "overview", to: `/apply/${slug}`, label: "Overview" },
    ...steps.map((step) => ({
      key: step.number,
      to: `/apply/${slug}/${step.number}`,
      label: `${step.number}. ${step.title}`,
    })),
    { key: "about-you", to: `/apply/${slug}/about-you`, label: "About you (optional)" },
    { key: "review", to: `/apply/${slug}/review`, label: "Review and submit" },
  ];
  return (
    <nav aria-label="Application steps">
      <ol className="steps">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to} aria-current={item.key === current ? "step" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
