import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";
import { CommentSchema, LeadSchema, MetaReviewReleaseSchema, MetaReviewSchema } from "~/review/discussion.schema";
import { FormErrors, TextAreaField } from "./forms";
import { useConformForm } from "./use-conform";
import { useFormat } from "./use-format";

/** What the panel needs from the loader (see discussionPanel in app/review/discussion-form.server.ts). */
export interface DiscussionPanelData {
  posts: { id: string; author: string; mine: boolean; body: string; at: string }[];
  open: boolean;
  token: string;
  metaReview: { body: string; author: string; version: number; releaseToApplicant: boolean; updatedAt: string } | null;
  canWriteMetaReview: boolean;
  isLead: boolean;
  staff: boolean;
  lead: { current: string | null; choices: { id: string; label: string }[] } | null;
}

export type DiscussionActionData =
  { form: "comment" | "meta-review" | "meta-review-release" | "lead"; result: SubmissionResult<string[]> } | undefined;

/** The thread of an application and its meta-review, on the reviewer's page and the staff page alike. */
export function DiscussionPanel({
  panel,
  actionData,
  timezone,
}: {
  panel: DiscussionPanelData;
  actionData: DiscussionActionData;
  timezone: string;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const resultFor = (form: NonNullable<DiscussionActionData>["form"]) =>
    actionData?.form === form ? actionData.result : undefined;
  return (
    <>
      <section id="discussion" aria-labelledby="discussion-title" className="stack">
        <h2 id="discussion-title">{t("discussion.title")}</h2>
        <p className="hint">{t("discussion.intro")}</p>
        {panel.posts.length === 0 ? (
          <p className="muted">{t("discussion.noPosts")}</p>
        ) : (
          <ol className="discussion">
            {panel.posts.map((post) => (
              <li key={post.id} className="card">
                <p>
                  <strong>{message(post.author)}</strong>{" "}
                  <span className="muted">
                    <time dateTime={post.at}>{format.dateTime(post.at, timezone)}</time>
                  </span>
                </p>
                <p className="post-body">{post.body}</p>
              </li>
            ))}
          </ol>
        )}
        {panel.open ? (
          <CommentForm
            token={panel.token}
            lastResult={resultFor("comment")}
            words={{ label: t("discussion.add"), post: t("discussion.post") }}
          />
        ) : (
          <p className="notice">{t("discussion.closed")}</p>
        )}
      </section>
      <MetaReviewSection panel={panel} resultFor={resultFor} timezone={timezone} />
    </>
  );
}

// The words come from the panel: with its own useTranslation this form's client-side check
// stopped an empty post without showing why (the browser test caught it; cause not found yet).
function CommentForm({
  token,
  lastResult,
  words,
}: {
  token: string;
  lastResult: SubmissionResult<string[]> | undefined;
  words: { label: string; post: string };
}) {
  const [form, fields] = useConformForm(CommentSchema, { id: "discussion-comment", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="token" value={token} />
      <TextAreaField label={words.label} field={fields.body} rows={3} />
      <div className="actions">
        <button type="submit" name="intent" value="comment">
          {words.post}
        </button>
      </div>
    </Form>
  );
}

function MetaReviewSection({
  panel,
  resultFor,
  timezone,
}: {
  panel: DiscussionPanelData;
  resultFor: (form: NonNullable<DiscussionActionData>["form"]) => SubmissionResult<string[]> | undefined;
  timezone: string;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const meta = panel.metaReview;
  if (!meta && !panel.canWriteMetaReview && !panel.lead) return null;
  return (
    <section id="meta-review" aria-labelledby="meta-review-title" className="stack">
      <h2 id="meta-review-title">{t("discussion.metaReview")}</h2>
      {panel.isLead ? <p className="notice">{t("discussion.youAreLead")}</p> : null}
      {panel.lead ? <LeadForm lead={panel.lead} lastResult={resultFor("lead")} /> : null}
      {meta ? (
        <div className="card">
          <p>
            <strong>{message(meta.author)}</strong>{" "}
            <span className="muted">
              <time dateTime={meta.updatedAt}>{format.dateTime(meta.updatedAt, timezone)}</time>
            </span>
          </p>
          <p className="post-body">{meta.body}</p>
          <p className="muted">
            {meta.releaseToApplicant ? t("discussion.goesToApplicant") : t("discussion.staysWithPanel")}
          </p>
        </div>
      ) : (
        <p className="muted">{t("discussion.noMetaReview")}</p>
      )}
      {panel.canWriteMetaReview ? <MetaReviewForm meta={meta} lastResult={resultFor("meta-review")} /> : null}
      {panel.staff && meta && panel.canWriteMetaReview ? (
        <ReleaseForm meta={meta} lastResult={resultFor("meta-review-release")} />
      ) : null}
    </section>
  );
}

function MetaReviewForm({
  meta,
  lastResult,
}: {
  meta: DiscussionPanelData["metaReview"];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useConformForm(MetaReviewSchema, {
    id: "meta-review-form",
    lastResult,
    defaultValue: { body: meta?.body ?? "" },
  });
  const { t } = useTranslation();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="version" value={meta?.version ?? 0} />
      <TextAreaField
        label={meta ? t("discussion.changeMetaReview") : t("discussion.writeMetaReview")}
        hint={t("discussion.metaReviewHint")}
        field={fields.body}
        rows={5}
      />
      <div className="actions">
        <button type="submit" name="intent" value="meta-review">
          {t("discussion.saveMetaReview")}
        </button>
      </div>
    </Form>
  );
}

function ReleaseForm({
  meta,
  lastResult,
}: {
  meta: NonNullable<DiscussionPanelData["metaReview"]>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form] = useConformForm(MetaReviewReleaseSchema, { id: "meta-review-release", lastResult });
  const { t } = useTranslation();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="version" value={meta.version} />
      <input type="hidden" name="release" value={meta.releaseToApplicant ? "no" : "yes"} />
      <div className="actions">
        <button type="submit" name="intent" value="meta-review-release" className="secondary">
          {meta.releaseToApplicant ? t("discussion.keep") : t("discussion.release")}
        </button>
      </div>
    </Form>
  );
}

function LeadForm({
  lead,
  lastResult,
}: {
  lead: NonNullable<DiscussionPanelData["lead"]>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useConformForm(LeadSchema, {
    id: "lead-reviewer",
    lastResult,
    defaultValue: { reviewerId: lead.current ?? "" },
  });
  const field = fields.reviewerId;
  const { t } = useTranslation();
  const message = useMessage();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={field.id}>{t("discussion.leadLabel")}</label>
        <select
          id={field.id}
          name={field.name}
          defaultValue={lead.current ?? ""}
          aria-invalid={field.errors?.length ? true : undefined}
          aria-describedby={field.errors?.length ? field.errorId : undefined}
        >
          <option value="">{t("discussion.noLead")}</option>
          {lead.choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        {field.errors?.length ? (
          <ul id={field.errorId} className="field-errors">
            {field.errors.map((error) => (
              <li key={error}>{message(error)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="lead" className="secondary">
          {t("discussion.saveLead")}
        </button>
      </div>
    </Form>
  );
}
