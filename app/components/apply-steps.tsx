import { Link } from "@remix-run/react";

/**
 * The steps of the application form, with the current one marked. On a step being edited
 * (`saveWith` names its form) each step is a button of that form: leaving by it saves the step
 * first, with JavaScript or without. A read-only application offers its answers, not a submit.
 */
export function ApplySteps({
  slug,
  steps,
  current,
  saveWith,
  readOnly = false,
  references = false,
}: {
  slug: string;
  steps: { number: number; title: string }[];
  current: number | "about-you" | "references" | "review" | "overview";
  saveWith?: string | undefined;
  readOnly?: boolean;
  /** The cycle asks for references: they have a page of their own, before and after submitting. */
  references?: boolean;
}) {
  const items = [
    { key: "overview", to: `/apply/${slug}`, label: "Overview" },
    ...steps.map((step) => ({
      key: String(step.number),
      to: `/apply/${slug}/${step.number}`,
      label: `${step.number}. ${step.title}`,
    })),
    ...(references ? [{ key: "references", to: `/apply/${slug}/references`, label: "References" }] : []),
    ...(readOnly ? [] : [{ key: "about-you", to: `/apply/${slug}/about-you`, label: "About you (optional)" }]),
    { key: "review", to: `/apply/${slug}/review`, label: readOnly ? "Your answers" : "Review and submit" },
  ];
  return (
    <nav aria-label="Application steps">
      <ol className="steps">
        {items.map((item) => {
          const here = item.key === String(current) ? "step" : undefined;
          return (
            <li key={item.key}>
              {saveWith ? (
                <button
                  type="submit"
                  form={saveWith}
                  name="goto"
                  value={item.key}
                  className="link-button"
                  aria-current={here}
                >
                  {item.label}
                </button>
              ) : (
                <Link to={item.to} aria-current={here}>
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
