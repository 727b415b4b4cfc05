import { parseSubmission } from "~/utils/parse-submission";
import { getCollectionProps, getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DiscussionPanel, type DiscussionActionData } from "~/components/discussion";
import { lettersForPage, ReferenceLetters } from "~/components/reference-letters";
import { lettersOf } from "~/references/letters.server";
import { ErrorList, FormErrors, replyErrors } from "~/components/forms";
import { useFormat } from "~/components/use-format";
import { pageTitle, requestI18n } from "~/i18n/i18n.server";
import { msg, translateMessage, useMessage } from "~/i18n/message";
import {
  buildReviewSchema,
  commentField,
  CONFIDENCE_KEYS,
  RECOMMENDATION_KEYS,
  RECOMMENDATIONS,
  reviewValuesFrom,
  scoreField,
} from "~/review/review.schema";
import { discussionPanel, handleDiscussionForm, isDiscussionIntent } from "~/review/discussion-form.server";
import { discussionAccess } from "~/review/discussion.server";
import { recuse } from "~/review/recusal.server";
import { loadReviewerAssignment, saveReview } from "~/review/reviews.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { isUuid, notFound } from "~/utils/http.server";
import { requireUser } from "~/utils/permissions.server";

const RecuseSchema = z.object({
  intent: z.literal("recuse"),
  reason: z
    .string({ error: msg("reviewForm.errors.sayWhy") })
    .trim()
    .min(3, msg("reviewForm.errors.sayWhy"))
    .max(500, msg("forms.errors.maxChars", { count: 500 })),
});

async function load(request: Request, context: LoaderFunctionArgs["context"], assignmentId: string | undefined) {
  const user = await requireUser(request, context);
  const view = isUuid(assignmentId) ? await loadReviewerAssignment(context.db, assignmentId, user.id) : null;
  if (!view) notFound(msg("reviewForm.errors.notFound"));
  return { user, view };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, view } = await load(request, context, params.assignmentId);
  const own = view.own;
  // The discussion opens to a reviewer once their own review is in (checked again by discussionAccess).
  const viewer = { userId: user.id, staff: false };
  const access = own?.submittedAt ? await discussionAccess(context.db, view.assignment.applicationId, viewer) : null;
  const discussion = access ? await discussionPanel(context, access, viewer) : null;
  const letters = await lettersOf(context.db, view.assignment.applicationId, { blind: view.cycle.blind });
  const defaultValue: Record<string, string> = {};
  for (const criterion of view.criteria) {
    const score = own?.scores[criterion.id];
    if (score !== undefined) defaultValue[scoreField(criterion)] = String(score);
    const comment = own?.comments[criterion.id];
    if (comment) defaultValue[commentField(criterion)] = comment;
  }
  if (own?.recommendation) defaultValue.recommendation = own.recommendation;
  if (own?.confidence) defaultValue.confidence = String(own.confidence);
  if (own?.overallComment) defaultValue.overallComment = own.overallComment;
  return {
    title: await pageTitle(
      request,
      context,
      msg("reviewForm.pageTitle", {
        label: translateMessage(await requestI18n(request, context), view.applicant.label),
      }),
    ),
    assignment: {
      id: view.assignment.id,
      status: view.assignment.status,
      dueAt: view.assignment.dueAt?.toISOString() ?? null,
    },
    cycle: { name: view.cycle.name, round: view.cycle.round, blind: view.cycle.blind, timezone: view.cycle.timezone },
    applicant: view.applicant,
    answers: view.answers,
    criteria: view.criteria.map(({ id, name, guidance, weight, scaleMin, scaleMax }) => ({
      id,
      name,
      guidance,
      weight,
      scaleMin,
      scaleMax,
    })),
    review: { version: own?.version ?? 0, submitted: Boolean(own?.submittedAt) },
    defaultValue,
    others: view.others,
    editable: view.editable,
    discussion,
    letters: lettersForPage(letters),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, view } = await load(request, context, params.assignmentId);
  const formData = await readFormData(request);
  if (isDiscussionIntent(formData.get("intent"))) {
    const viewer = { userId: user.id, staff: false };
    const access = await discussionAccess(context.db, view.assignment.applicationId, viewer);
    if (!access) notFound(msg("reviewForm.errors.discussionLater"));
    return handleDiscussionForm(context, formData, access, viewer, `/review/${view.assignment.id}`);
  }
  if (formData.get("intent") === "recuse") {
    const submission = parseSubmission(formData, { schema: RecuseSchema });
    if (submission.status !== "success") return invalid({ form: "recuse" as const, result: submission.reply() });
    const result = await recuse(context.db, context.config, {
      assignmentId: view.assignment.id,
      reviewerId: user.id,
      reason: submission.value.reason,
    });
    if (!result.ok)
      return invalid(
        { form: "recuse" as const, result: submission.reply({ formErrors: [result.message] }) },
        result.status,
      );
    return redirect("/review", {
      headers: {
        "Set-Cookie": await setFlash(context.config, {
          kind: "success",
          message: msg("reviewForm.recusedFlash"),
        }),
      },
    });
  }
  // Once submitted, a review stays complete: every later save is checked like a submission.
  const submit = formData.get("intent") === "submit" || Boolean(view.own?.submittedAt);
  const submission = parseSubmission(formData, {
    schema: buildReviewSchema(view.criteria, submit ? "submit" : "draft"),
  });
  if (submission.status !== "success") return invalid({ form: "review" as const, result: submission.reply() });
  const result = await saveReview(context.db, {
    assignmentId: view.assignment.id,
    reviewerId: user.id,
    version: Number(submission.value.version),
    values: reviewValuesFrom(view.criteria, submission.value),
    submit,
  });
  if (!result.ok)
    return data(
      { form: "review" as const, result: submission.reply({ formErrors: [result.message] }) },
      { status: result.status },
    );
  return redirect(submit ? "/review" : `/review/${view.assignment.id}`, {
    headers: {
      "Set-Cookie": await setFlash(context.config, {
        kind: "success",
        message: submit ? msg("reviewForm.submittedFlash") : msg("reviewForm.draftFlash"),
      }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function ScoringPage() {
  const {
    assignment,
    cycle,
    applicant,
    answers,
    criteria,
    review,
    defaultValue,
    others,
    editable,
    discussion,
    letters,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const lastResult = actionData?.form === "review" ? actionData.result : undefined;
  const draftSchema = useMemo(() => buildReviewSchema(criteria, "draft"), [criteria]);
  const submitSchema = useMemo(() => buildReviewSchema(criteria, "submit"), [criteria]);
  const [form, fields] = useForm<Record<string, string | undefined>>({
    id: `review-${assignment.id}`,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(draftSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseSubmission(formData, { schema: formData.get("intent") === "submit" ? submitSchema : draftSchema }) as never,
  });
  return (
    <div className="stack">
      <p className="muted">
        {cycle.name} · {cycle.round}
      </p>
      <h1>{message(applicant.label)}</h1>
      {cycle.blind ? <p className="notice">{t("reviewForm.blind")}</p> : null}
      {assignment.dueAt ? <p>{t("reviewForm.due", { date: format.date(assignment.dueAt, cycle.timezone) })}</p> : null}
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t("reviewForm.application")}</h2>
        <dl className="answers">
          {answers.map((answer) => (
            <div key={answer.id}>
              <dt>{answer.label}</dt>
              <dd>
                {answer.file ? (
                  <a href={`/files/${answer.file.id}`}>{answer.file.name}</a>
                ) : (
                  (answer.text ?? <span className="muted">{t("applyReview.notAnswered")}</span>)
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {letters.length ? <ReferenceLetters letters={letters} timezone={cycle.timezone} /> : null}
      <section aria-labelledby="score-title" className="stack">
        <h2 id="score-title">{t("reviewForm.yourReview")}</h2>
        {review.submitted ? (
          <p className="notice">
            {t("reviewForm.submitted")} {editable ? t("reviewForm.stillChange") : ""}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="version" value={review.version} />
          {criteria.map((criterion) => {
            const score = fields[scoreField(criterion)]!;
            const comment = fields[commentField(criterion)]!;
            const options = Array.from({ length: criterion.scaleMax - criterion.scaleMin + 1 }, (_, i) =>
              String(criterion.scaleMin + i),
            );
            const { key: commentKey, ...commentProps } = getTextareaProps(comment);
            return (
              <fieldset key={criterion.id} className="card criterion" disabled={!editable}>
                <legend className="fieldset-legend">
                  {criterion.name} <span className="muted">{t("reviewForm.weight", { weight: criterion.weight })}</span>
                </legend>
                {criterion.guidance ? <p className="hint">{criterion.guidance}</p> : null}
                <div
                  className="score-scale"
                  role="radiogroup"
                  aria-label={t("reviewForm.scoreFor", { criterion: criterion.name })}
                >
                  {getCollectionProps(score, { type: "radio", options }).map(({ key, ...props }) => (
                    <label key={key} className="choice">
                      <input {...props} aria-describedby={undefined} />
                      {props.value}
                    </label>
                  ))}
                </div>
                <ErrorList id={score.errorId} errors={score.errors} />
                <label htmlFor={comment.id}>
                  {t("reviewForm.commentOn", { criterion: criterion.name.toLocaleLowerCase(format.locale) })}
                </label>
                <textarea key={commentKey} {...commentProps} rows={2} />
                <ErrorList id={comment.errorId} errors={comment.errors} />
              </fieldset>
            );
          })}
          <fieldset className="choice-group" disabled={!editable}>
            <legend className="fieldset-legend">{t("reviewForm.recommendation")}</legend>
            {getCollectionProps(fields.recommendation!, { type: "radio", options: [...RECOMMENDATIONS] }).map(
              ({ key, ...props }) => (
                <label key={key} className="choice">
                  <input {...props} aria-describedby={undefined} />
                  {t(RECOMMENDATION_KEYS[props.value as (typeof RECOMMENDATIONS)[number]])}
                </label>
              ),
            )}
            <ErrorList id={fields.recommendation!.errorId} errors={fields.recommendation!.errors} />
          </fieldset>
          <fieldset className="choice-group" disabled={!editable}>
            <legend className="fieldset-legend">{t("reviewForm.howConfident")}</legend>
            {getCollectionProps(fields.confidence!, { type: "radio", options: ["1", "2", "3"] }).map(
              ({ key, ...props }) => (
                <label key={key} className="choice">
                  <input {...props} aria-describedby={undefined} />
                  {t(CONFIDENCE_KEYS[Number(props.value)]!)}
                </label>
              ),
            )}
            <ErrorList id={fields.confidence!.errorId} errors={fields.confidence!.errors} />
          </fieldset>
          <div className="field">
            <label htmlFor={fields.overallComment!.id}>{t("reviewForm.overallComment")}</label>
            <textarea {...withoutKey(getTextareaProps(fields.overallComment!))} rows={4} disabled={!editable} />
            <ErrorList id={fields.overallComment!.errorId} errors={fields.overallComment!.errors} />
          </div>
          {editable ? (
            <div className="actions">
              {!review.submitted ? (
                <button type="submit" name="intent" value="save" className="secondary" formNoValidate>
                  {t("reviewForm.saveDraft")}
                </button>
              ) : null}
              <button type="submit" name="intent" value="submit">
                {review.submitted ? t("reviewForm.saveChanges") : t("reviewForm.submit")}
              </button>
            </div>
          ) : null}
        </Form>
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="others-title">
          <h2 id="others-title">{t("reviewForm.others")}</h2>
          {others.map((other, index) => (
            <div key={index} className="card">
              <p>
                <strong>{t("reviewForm.anotherReviewer")}</strong>{" "}
                {other.recommendation ? t(RECOMMENDATION_KEYS[other.recommendation]) : "—"}
                {other.confidence && CONFIDENCE_KEYS[other.confidence]
                  ? t("reviewForm.withConfidence", {
                      confidence: t(CONFIDENCE_KEYS[other.confidence]!).toLocaleLowerCase(format.locale),
                    })
                  : ""}
              </p>
              <ul>
                {criteria.map((criterion) => (
                  <li key={criterion.id}>
                    {criterion.name}: {other.scores[criterion.id] ?? "—"}
                    {other.comments[criterion.id] ? ` — ${other.comments[criterion.id]}` : ""}
                  </li>
                ))}
              </ul>
              {other.overallComment ? <p>{other.overallComment}</p> : null}
            </div>
          ))}
        </section>
      ) : null}
      {discussion ? (
        <DiscussionPanel panel={discussion} actionData={actionData as DiscussionActionData} timezone={cycle.timezone} />
      ) : null}
      {editable && assignment.status === "assigned" ? (
        <section className="card narrow" aria-labelledby="recuse-title">
          <h2 id="recuse-title">{t("reviewForm.recuseTitle")}</h2>
          <p>{t("reviewForm.recuseIntro")}</p>
          <FormErrors errors={actionData?.form === "recuse" ? replyErrors(actionData.result) : undefined} />
          <Form method="post">
            <div className="field">
              <label htmlFor="recuse-reason">{t("reviewForm.reason")}</label>
              <textarea id="recuse-reason" name="reason" rows={2} required />
            </div>
            <button type="submit" name="intent" value="recuse" className="danger">
              {t("reviewForm.recuse")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}
