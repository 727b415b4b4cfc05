import { Form } from "@remix-run/react";
import { REPORT_STATE_LABELS, type ReportState } from "~/fellowships/lifecycle";
import { formatDate, formatDateTime } from "~/utils/format";
import { FormErrors } from "./forms";

export interface ReportSummary {
  id: string;
  title: string;
  dueOn: string;
  state: ReportState;
  submittedAt: string | null;
  questions: { id: string; label: string }[];
  answers: Record<string, string | string[]>;
  comments: { id: string; body: string; authorName: string | null; createdAt: string }[];
}

const STATE_BADGES: Record<ReportState, string> = {
  upcoming: "badge",
  due: "badge",
  late: "badge badge-danger",
  submitted: "badge badge-success",
};

export function ReportStateBadge({ state }: { state: ReportState }) {
  return <span className={STATE_BADGES[state]}>{REPORT_STATE_LABELS[state]}</span>;
}

/** A due date as a day (dates are `YYYY-MM-DD`; noon UTC keeps the day the same in every zone). */
export function formatDueDate(dueOn: string): string {
  return formatDate(`${dueOn}T12:00:00Z`);
}

/**
 * One report as its readers see it: the answers once submitted, the comments, and (for a host
 * member or staff) a form to add one.
 */
export function ReportView({
  report,
  canComment,
  errors,
}: {
  report: ReportSummary;
  canComment: boolean;
  errors?: string[] | undefined;
}) {
  return (
    <article id={`report-${report.id}`} className="card stack" aria-labelledby={`report-title-${report.id}`}>
      <h3 id={`report-title-${report.id}`}>
        {report.title} <span className="muted">· due {formatDueDate(report.dueOn)}</span>{" "}
        <ReportStateBadge state={report.state} />
      </h3>
      {report.state === "submitted" ? (
        <>
          {report.submittedAt ? <p className="muted">Submitted {formatDateTime(report.submittedAt)}</p> : null}
          <dl className="answers">
            {report.questions.map((question) => {
              const value = report.answers[question.id];
              return (
                <div key={question.id}>
                  <dt>{question.label}</dt>
                  <dd>
                    {value === undefined ? (
                      <span className="muted">Not answered</span>
                    ) : Array.isArray(value) ? (
                      value.join(", ")
                    ) : (
                      value
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          <h4>Comments</h4>
          {report.comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
          <ul className="plain-list stack">
            {report.comments.map((comment) => (
              <li key={comment.id}>
                <strong>{comment.authorName ?? "A former member"}</strong>{" "}
                <span className="muted">{formatDateTime(comment.createdAt)}</span>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
          {canComment ? (
            <Form method="post" className="stack">
              <FormErrors errors={errors} />
              <input type="hidden" name="reportId" value={report.id} />
              <div className="field">
                <label htmlFor={`comment-${report.id}`}>Your comment for the fellow</label>
                <textarea id={`comment-${report.id}`} name="body" rows={3} required />
              </div>
              <button type="submit" name="intent" value="comment" className="secondary">
                Add the comment<span className="visually-hidden"> on {report.title}</span>
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="muted">Not submitted yet.</p>
      )}
    </article>
  );
}

/** What a report loader sends: dates as strings, answers only once submitted. */
export function reportSummary(report: {
  id: string;
  title: string;
  dueOn: string;
  state: ReportState;
  submittedAt: Date | null;
  questions: { id: string; label: string }[];
  answers: Record<string, string | string[]>;
  comments: { id: string; body: string; authorName: string | null; createdAt: Date }[];
}): ReportSummary {
  return {
    id: report.id,
    title: report.title,
    dueOn: report.dueOn,
    state: report.state,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    questions: report.questions.map((question) => ({ id: question.id, label: question.label })),
    answers: report.state === "submitted" ? report.answers : {},
    comments: report.comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
  };
}
