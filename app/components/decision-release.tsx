import { Form } from "@remix-run/react";
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Before a release: each email the release would send, to whom, and how it reads. */
export function ReleasePreview({ groups, allHref }: { groups: ReleasePreviewGroup[]; allHref?: string }) {
  if (groups.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="preview-title">
      <h2 id="preview-title">What the release sends</h2>
      {groups.map((group) => (
        <div key={group.decision} role="group" aria-labelledby={`preview-${group.decision}`} className="card stack">
          <h3 id={`preview-${group.decision}`}>“{group.subject}”</h3>
          <p>{plural(group.total, "recipient")}:</p>
          <ul>
            {group.recipients.map((recipient) => (
              <li key={recipient.email}>
                {recipient.name} ({recipient.email}){recipient.withFeedback ? ", with feedback" : ""}
                {recipient.withMetaReview ? ", with the panel’s meta-review" : ""}
              </li>
            ))}
          </ul>
          {group.total > group.recipients.length ? (
            <p>
              … and {group.total - group.recipients.length} more
              {allHref ? (
                <>
                  {" "}
                  (<a href={allHref}>every marked application</a>)
                </>
              ) : null}
              .
            </p>
          ) : null}
          <details>
            <summary>Read the email as {group.sampleName} receives it</summary>
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
  if (waiting) {
    return (
      <section className="card narrow notice-warning" aria-labelledby="release-title">
        <h2 id="release-title">Sending at {waiting.sendAt}</h2>
        <p>
          {plural(waiting.decisions, "decision")} and {waiting.decisions === 1 ? "its email wait" : "their emails wait"}{" "}
          in the outbox until then. Cancelling takes every email back: the decisions stay marked and nothing reaches
          applicants.
        </p>
        <Form method="post">
          <button type="submit" name="intent" value="cancel-release" className="danger">
            Cancel the release
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="release-title">
      <h2 id="release-title">Release decisions</h2>
      <p>
        {pending} decision{pending === 1 ? " is" : "s are"} pending. Releasing changes each application’s status and
        emails every applicant
        {delayMinutes > 0
          ? `, ${plural(delayMinutes, "minute")} later: until then you can cancel the release.`
          : " at once (this cycle sends without a delay; change it in Settings)."}
      </p>
      <Form method="post" className="stack">
        <label className="choice">
          <input type="checkbox" name="confirm" />I have checked the decisions and want to send them
        </label>
        <button type="submit" name="intent" value="release" disabled={pending === 0}>
          Release {pending} decision{pending === 1 ? "" : "s"}
        </button>
      </Form>
    </section>
  );
}
