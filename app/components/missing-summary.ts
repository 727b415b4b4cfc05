import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";

/** The "Missing" column's text in the page's language ("2 answers, 1 file"), or "" when nothing is missing. */
export function useMissingSummary(): (summary: { lacks: string[]; letter: boolean } | null) => string {
  const { t } = useTranslation();
  const message = useMessage();
  return (summary) => {
    if (!summary) return "";
    const lacks = summary.lacks.map(message).join(", ");
    return summary.letter ? t("cycleAdmin.completeness.inLetter", { lacks }) : lacks;
  };
}
