import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReportState } from "~/fellowships/lifecycle";
import type { MessageKey } from "~/i18n/message";
import { formatDate } from "~/utils/format";
import { FormErrors } from "./forms";
import { useFormat } from "./use-format";

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

const STATE_KEYS: Record<ReportState, MessageKey> = {
  upcoming: "reportView.states.upcoming",
  due: "reportView.states.due",
  late: "reportView.states.late",
  submitted: "reportView.states.submitted",
};

export function ReportStateBadge({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return <span className={STATE_BADGES[state]}>{t(STATE_KEYS[state])}</span>;
}

/** A due date as a day (dates are `YYYY-MM-DD`; noon UTC keeps the day the same in every zone). */
export function formatDueDate(dueOn: string): string {
  return formatDate(`${dueOn}T12:00:00Z`);
}

/** `formatDueDate` in the page's language. */
export function useDueDate(): (dueOn: string) => string {
  const format = useFormat();
  return (dueOn) => format.date(`${dueOn}T12:00:00Z`);
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
  const { t } = useTranslation();
  const format = useFormat();
  const dueDate = useDueDate();
  return (
    <article id={`report-${report.id}`} className="card stack" aria-labelledby={`report-title-${report.id}`}>
      <h3 id={`report-title-${report.id}`}>
        {report.title} <span className="muted">· {t("reportView.dueOn", { date: dueDate(report.dueOn) })}</span>{" "}
        <ReportStateBadge state={report.state} />
      </h3>
      {report.state === "submitted" ? (
        <>
          {report.submittedAt ? (
            <p className="muted">{t("reportView.submittedAt", { date: format.dateTime(report.submittedAt) })}</p>
          ) : null}
          <dl className="answers">
            {report.questions.map((question) => {
              const value = report.answers[question.id];
              return (
                <div key={question.id}>
                  <dt>{question.label}</dt>
                  <dd>
                    {value === undefined ? (
                      <span className="muted">{t("applyReview.notAnswered")}</span>
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
          <h4>{t("myFellowship.comments")}</h4>
          {report.comments.length === 0 ? <p className="muted">{t("reportView.noComments")}</p> : null}
          <ul className="plain-list stack">
            {report.comments.map((comment) => (
              <li key={comment.id}>
                <strong>{comment.authorName ?? t("reportView.formerMember")}</strong>{" "}
                <span className="muted">{format.dateTime(comment.createdAt)}</span>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
          {canComment ? (
            <Form method="post" className="stack">
              <FormErrors errors={errors} />
              <input type="hidden" name="reportId" value={report.id} />
              <div className="field">
                <label htmlFor={`comment-${report.id}`}>{t("reportView.yourComment")}</label>
                <textarea id={`comment-${report.id}`} name="body" rows={3} required />
              </div>
              <button type="submit" name="intent" value="comment" className="secondary">
                {t("reportView.addComment")}
                <span className="visually-hidden">{t("reportView.onTitle", { title: report.title })}</span>
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="muted">{t("reportView.notSubmitted")}</p>
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
