import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReleasedDecision } from "~/applications/lifecycle";

export interface ReleasePreviewGroup {
  decision: ReleasedDecision;
  subject: string;
  text: string;
  /** Everyone the email goes to; `recipients` names the first of them. */
  total: number;
  recipients: { name: string; email: string; withFeedback: boolean; withMetaReview: boolean }[];
  /** Whose email the text is: the fullest of the group (feedback and meta-review shown if any has them). */
  sampleName: string;
}

/** Before a release: each email the release would send, to whom, and how it reads. */
export function ReleasePreview({ groups, allHref }: { groups: ReleasePreviewGroup[]; allHref?: string }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="preview-title">
      <h2 id="preview-title">{t("selection.release.previewTitle")}</h2>
      {groups.map((group) => (
        <div key={group.decision} role="group" aria-labelledby={`preview-${group.decision}`} className="card stack">
          <h3 id={`preview-${group.decision}`}>{t("selection.release.subject", { subject: group.subject })}</h3>
          <p>{t("selection.release.recipients", { count: group.total })}</p>
          <ul>
            {group.recipients.map((recipient) => (
              <li key={recipient.email}>
                {recipient.name} ({recipient.email}){recipient.withFeedback ? t("selection.release.withFeedback") : ""}
                {recipient.withMetaReview ? t("selection.release.withMetaReview") : ""}
              </li>
            ))}
          </ul>
          {group.total > group.recipients.length ? (
            <p>
              {t("selection.release.more", { count: group.total - group.recipients.length })}
              {allHref ? (
                <>
                  {" "}
                  (<a href={allHref}>{t("selection.release.everyMarked")}</a>)
                </>
              ) : null}
              .
            </p>
          ) : null}
          <details>
            <summary>{t("selection.release.readAs", { name: group.sampleName })}</summary>
            <pre className="email-text">{group.text}</pre>
          </details>
        </div>
      ))}
    </section>
  );
}

/** Releasing the marked decisions, or the waiting release with its cancel button. */
export function ReleaseCard({
  pending,
  delayMinutes,
  waiting,
}: {
  pending: number;
  delayMinutes: number;
  waiting: { decisions: number; sendAt: string } | null;
}) {
  const { t } = useTranslation();
  if (waiting) {
    return (
      <section className="card narrow notice-warning" aria-labelledby="release-title">
        <h2 id="release-title">{t("selection.release.sendingAt", { time: waiting.sendAt })}</h2>
        <p>{t("selection.release.waiting", { count: waiting.decisions })}</p>
        <Form method="post">
          <button type="submit" name="intent" value="cancel-release" className="danger">
            {t("selection.release.cancel")}
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="release-title">
      <h2 id="release-title">{t("selection.release.title")}</h2>
      <p>
        {t("selection.release.pending", { count: pending })}{" "}
        {delayMinutes > 0 ? t("selection.release.later", { count: delayMinutes }) : t("selection.release.atOnce")}
      </p>
      <Form method="post" className="stack">
        <label className="choice">
          <input type="checkbox" name="confirm" />
          {t("selection.release.confirm")}
        </label>
        <button type="submit" name="intent" value="release" disabled={pending === 0}>
          {t("selection.release.submit", { count: pending })}
        </button>
      </Form>
    </section>
  );
}
