import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation();
  const items = [
    { key: "overview", to: `/apply/${slug}`, label: t("apply.nav.overview") },
    ...steps.map((step) => ({
      key: String(step.number),
      to: `/apply/${slug}/${step.number}`,
      label: `${step.number}. ${step.title}`,
    })),
    ...(references ? [{ key: "references", to: `/apply/${slug}/references`, label: t("apply.nav.references") }] : []),
    ...(readOnly ? [] : [{ key: "about-you", to: `/apply/${slug}/about-you`, label: t("apply.nav.aboutYou") }]),
    {
      key: "review",
      to: `/apply/${slug}/review`,
      label: readOnly ? t("apply.nav.yourAnswers") : t("apply.nav.reviewSubmit"),
    },
  ];
  return (
    <nav aria-label={t("apply.nav.label")}>
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
