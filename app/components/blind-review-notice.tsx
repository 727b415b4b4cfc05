import { useTranslation } from "react-i18next";

/**
 * Said to an applicant while they write, in a blind cycle: what reviewers will not see, so that
 * nobody loses the point of an answer to a "[link withheld]" they did not expect.
 */
export function BlindReviewNotice() {
  const { t } = useTranslation();
  return (
    <aside className="notice" aria-labelledby="blind-review-notice">
      <h2 id="blind-review-notice">{t("apply.blind.title")}</h2>
      <p>{t("apply.blind.text")}</p>
    </aside>
  );
}
