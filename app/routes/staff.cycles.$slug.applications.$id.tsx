import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getApplicationForStaff } from "~/applications/admin.server";
import {
  APPLICATION_EVENT_KEYS,
  APPLICATION_STATUS_KEYS,
  type ApplicationStatus,
} from "~/applications/application-status";
import { shownQuestions } from "~/applications/conditions";
import { groupIntoSteps, isAnswered } from "~/applications/questions";
import { CycleNav } from "~/components/cycle-nav";
import { DiscussionPanel, type DiscussionActionData } from "~/components/discussion";
import { lettersForPage, ReferenceLetters } from "~/components/reference-letters";
import { lettersOf } from "~/references/letters.server";
import { formatSize } from "~/components/question-field";
import { useFormat } from "~/components/use-format";
import { listQuestions } from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { discussionPanel, handleDiscussionForm, isDiscussionIntent } from "~/review/discussion-form.server";
import { discussionAccess, panelReviewers } from "~/review/discussion.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { readFormData } from "~/utils/forms.server";
import { isUuid, notFound, unknownIntent } from "~/utils/http.server";

/** Staff read and take part in the discussion of an application of this cycle (another cycle's id: 404). */
async function staffDiscussion(request: Request, context: LoaderFunctionArgs["context"], slug?: string, id?: string) {
  const { cycle, staff } = await requireStaffCycle(request, context, slug);
  if (!isUuid(id)) notFound(msg("apply.refusals.notFound"));
  const viewer = { userId: staff.id, staff: true };
  const access = await discussionAccess(context.db, id, viewer);
  return { cycle, viewer, access: access && access.cycleId === cycle.id ? access : null };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle, viewer, access } = await staffDiscussion(request, context, params.slug, params.id);
  const [application, questions] = await Promise.all([
    getApplicationForStaff(context.db, cycle.id, params.id!),
    listQuestions(context.db, cycle.id),
  ]);
  if (!application) notFound(msg("apply.refusals.notFound"));
  const discussion = access
    ? await discussionPanel(context, access, viewer, await panelReviewers(context.db, access.applicationId))
    : null;
  const files = new Map(application.files.map((file) => [file.id, file]));
  // Staff read every letter as written, the referee's name included.
  const letters = await lettersOf(context.db, application.id, { blind: false });
  return {
    title: await pageTitle(request, context, application.name, msg("nav.staff")),
    letters: lettersForPage(letters),
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    application: {
      id: application.id,
      name: application.name,
      email: application.email,
      status: application.status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      events: application.events.map((event) => ({
        kind: event.kind,
        toStatus: event.toStatus,
        at: event.at.toISOString(),
      })),
    },
    discussion,
    steps: groupIntoSteps(shownQuestions(questions, application.answers)).map((step) => ({
      title: step.title,
      answers: step.questions.map((question) => {
        const value = application.answers[question.id];
        const file = question.kind === "file" && typeof value === "string" ? files.get(value) : undefined;
        return {
          id: question.id,
          label: question.label,
          identifying: question.identifying,
          answered: isAnswered(question, value),
          text: file ? null : Array.isArray(value) ? value.join(", ") : (value ?? null),
          file: file ? { id: file.id, filename: file.filename, size: file.sizeBytes } : null,
        };
      }),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, access } = await staffDiscussion(request, context, params.slug, params.id);
  const formData = await readFormData(request);
  if (!isDiscussionIntent(formData.get("intent"))) unknownIntent();
  if (!access) notFound(msg("apply.refusals.notFound"));
  return handleDiscussionForm(
    context,
    formData,
    access,
    viewer,
    `/staff/cycles/${params.slug}/applications/${access.applicationId}`,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffApplicationPage() {
  const { cycle, application, steps, discussion, letters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const eventLabel = (kind: string) => (APPLICATION_EVENT_KEYS[kind] ? t(APPLICATION_EVENT_KEYS[kind]) : kind);
  const statusLabel = (status: string) =>
    status in APPLICATION_STATUS_KEYS ? t(APPLICATION_STATUS_KEYS[status as ApplicationStatus]) : status;
  return (
    <div className="stack">
      <h1>{t("selection.application.heading", { name: application.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <dl className="facts">
        <dt>{t("forms.email")}</dt>
        <dd>{application.email}</dd>
        <dt>{t("selection.status")}</dt>
        <dd>{statusLabel(application.status)}</dd>
        <dt>{t("selection.submitted")}</dt>
        <dd>
          {application.submittedAt
            ? format.dateTime(application.submittedAt, cycle.timezone)
            : t("selection.application.notYet")}
        </dd>
      </dl>
      {steps.map((step) => (
        <section key={step.title}>
          <h2>{step.title}</h2>
          <dl className="answers">
            {step.answers.map((answer) => (
              <div key={answer.id}>
                <dt>
                  {answer.label}{" "}
                  {answer.identifying ? <span className="badge">{t("selection.application.identifying")}</span> : null}
                </dt>
                <dd>
                  {answer.file ? (
                    <a href={`/files/${answer.file.id}`}>
                      {answer.file.filename} ({formatSize(answer.file.size)})
                    </a>
                  ) : answer.answered ? (
                    answer.text
                  ) : (
                    <span className="muted">{t("applyReview.notAnswered")}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {letters.length ? <ReferenceLetters letters={letters} timezone={cycle.timezone} /> : null}
      {discussion ? (
        <DiscussionPanel panel={discussion} actionData={actionData as DiscussionActionData} timezone={cycle.timezone} />
      ) : null}
      <h2>{t("myApplications.history")}</h2>
      <ol className="history">
        {application.events.map((event, index) => (
          <li key={index}>
            {format.dateTime(event.at, cycle.timezone)}: {eventLabel(event.kind)}
            {event.toStatus ? ` → ${statusLabel(event.toStatus)}` : ""}
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/staff/cycles/${cycle.slug}/applications`}>{t("selection.application.back")}</Link>
      </p>
    </div>
  );
}
