import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { finalistMatchingView } from "~/matching/finalist.server";
import { orderFromRankForm, previousOrder } from "~/matching/rank-form";
import { saveApplicantRanking } from "~/matching/rankings.server";
import { answerPlacement } from "~/matching/publish.server";
import { RankList } from "~/components/rank-list";
import {
  APPLICATION_EVENT_KEYS,
  APPLICATION_STATUS_KEYS,
  WITHDRAWABLE_STATUSES,
} from "~/applications/application-status";
import { EDITABLE_STATUSES } from "~/applications/lifecycle";
import { stageOf, stagePhase } from "~/applications/stages";
import { listMyApplications, withdrawApplication } from "~/applications/applications.server";
import { FormErrors, replyErrors } from "~/components/forms";
import { useFormat } from "~/components/use-format";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { invalid, readFormData } from "~/utils/forms.server";
import { requireUser } from "~/utils/permissions.server";
import { ownProgress } from "~/references/completeness.server";

const PlacementSchema = z.object({
  intent: z.enum(["accept-placement", "decline-placement"], { error: msg("forms.errors.unknownAction") }),
  applicationId: z.uuid(msg("myApplications.chooseApplication")),
});

const WithdrawSchema = z.object({
  intent: z.literal("withdraw", { error: msg("forms.errors.unknownAction") }),
  applicationId: z.uuid(msg("myApplications.chooseApplication")),
  confirm: z.literal("on", { error: msg("myApplications.tickToConfirm") }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [applications, matching] = await Promise.all([
    listMyApplications(context.db, user.id),
    finalistMatchingView(context.db, user.id),
  ]);
  const progress = await Promise.all(applications.map((application) => ownProgress(context.db, application.id)));
  return {
    title: await pageTitle(request, context, msg("myApplications.title")),
    applications: applications.map((application, index) => ({
      progress: progress[index]!,
      matching: matching.get(application.id)
        ? {
            ...matching.get(application.id)!,
            rankingDeadline: matching.get(application.id)!.rankingDeadline?.toISOString() ?? null,
          }
        : null,
      id: application.id,
      status: application.status,
      cycleSlug: application.cycleSlug,
      cycleName: application.cycleName,
      closesAt: application.closesAt.toISOString(),
      timezone: application.timezone,
      accepting:
        stagePhase(
          { ...application, status: application.cycleStatus },
          stageOf(application, application),
          new Date(),
        ) === "accepting",
      /** Two-stage cycles: where the letter of intent stands, with each stage's deadline in the cycle's time zone. */
      loi: application.loiClosesAt
        ? {
            stage: stageOf(application, application),
            loiDeadline: application.loiClosesAt.toISOString(),
            fullDeadline: application.closesAt.toISOString(),
            invitedAt: application.invitedAt?.toISOString() ?? null,
          }
        : null,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      events: application.events.map((event) => ({
        kind: event.kind,
        toStatus: event.toStatus,
        at: event.at.toISOString(),
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "save-ranking" || formData.has("move")) {
    const applicationId = String(formData.get("applicationId") ?? "");
    const view = (await finalistMatchingView(context.db, user.id)).get(applicationId);
    // Someone else's application answers like a missing one.
    if (!view) return invalid({ status: "error" as const, error: { "": [msg("apply.refusals.notFound")] } }, 404);
    const read = orderFromRankForm(formData.entries(), {
      allowed: view.positions.map((p) => p.id),
      current: view.ranking,
    });
    if (!read.ok) return invalid({ status: "error" as const, error: { "": [read.message] } });
    const saved = await saveApplicantRanking(context.db, {
      applicationId,
      applicantId: user.id,
      order: read.order,
      previous: previousOrder(formData),
    });
    if (!saved.ok) return invalid({ status: "error" as const, error: { "": [saved.message] } }, saved.status);
    return redirect("/me/applications", {
      headers: {
        "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("myMatching.rankingSaved") }),
      },
    });
  }
  if (intent === "accept-placement" || intent === "decline-placement") {
    const placement = parseSubmission(formData, { schema: PlacementSchema });
    if (placement.status !== "success") return invalid(placement.reply());
    const answered = await answerPlacement(context.db, context.config, {
      applicationId: placement.value.applicationId,
      applicantId: user.id,
      accept: placement.value.intent === "accept-placement",
    });
    if (!answered.ok) return invalid(placement.reply({ formErrors: [answered.message] }), answered.status);
    const message =
      placement.value.intent === "accept-placement" ? msg("myMatching.accepted") : msg("myMatching.declined");
    return redirect("/me/applications", {
      headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
    });
  }
  const submission = parseSubmission(formData, { schema: WithdrawSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await withdrawApplication(context.db, context.config, {
    applicationId: submission.value.applicationId,
    applicantId: user.id,
  });
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
  return redirect("/me/applications", {
    headers: {
      "Set-Cookie": await setFlash(context.config, { kind: "success", message: msg("myApplications.withdrawn") }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function MyApplicationsPage() {
  const { applications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const { eventLabel, statusLabel } = useHistoryLabels();
  return (
    <div className="stack">
      <h1>{t("myApplications.title")}</h1>
      <FormErrors errors={replyErrors(actionData)} />
      {applications.length === 0 ? <p>{t("myApplications.none")}</p> : null}
      {applications.map((application) => (
        <section key={application.id} className="card stack" aria-labelledby={`app-${application.id}`}>
          <h2 id={`app-${application.id}`}>{application.cycleName}</h2>
          <p>
            {t("apply.status")} <strong>{t(APPLICATION_STATUS_KEYS[application.status])}</strong>
            {application.submittedAt
              ? t("myApplications.submittedOn", {
                  date: format.dateTime(application.submittedAt, application.timezone),
                })
              : ""}
          </p>
          {application.loi ? (
            <LoiStage status={application.status} loi={application.loi} timeZone={application.timezone} />
          ) : null}
          <h3 className="visually-hidden">{t("myApplications.history")}</h3>
          <ol className="history">
            {application.events.map((event, index) => (
              <li key={index}>
                {format.dateTime(event.at, application.timezone)}: {eventLabel(event.kind)}
                {event.kind === "status" && event.toStatus ? ` — ${statusLabel(event.toStatus)}` : ""}
              </li>
            ))}
          </ol>
          <ProgressSection slug={application.cycleSlug} progress={application.progress} />
          {application.matching ? (
            <MatchingSection
              applicationId={application.id}
              matching={application.matching}
              timeZone={application.timezone}
            />
          ) : null}
          <div className="actions">
            <Link to={`/apply/${application.cycleSlug}/review`}>
              {application.accepting && EDITABLE_STATUSES.includes(application.status)
                ? t("myApplications.continueOrChange")
                : t("apply.readAnswers")}
            </Link>
          </div>
          {WITHDRAWABLE_STATUSES.includes(application.status) ? (
            <Form method="post" className="withdraw">
              <input type="hidden" name="applicationId" value={application.id} />
              <label className="choice">
                <input type="checkbox" name="confirm" />
                {t("myApplications.withdrawConfirm")}
              </label>
              <button type="submit" name="intent" value="withdraw" className="danger">
                {t("myApplications.withdraw")}
                <span className="visually-hidden">
                  {t("myApplications.withdrawFrom", { cycle: application.cycleName })}
                </span>
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function useHistoryLabels() {
  const { t } = useTranslation();
  return {
    eventLabel: (kind: string) => {
      const key = APPLICATION_EVENT_KEYS[kind];
      return key ? t(key) : kind;
    },
    statusLabel: (status: string) =>
      status in APPLICATION_STATUS_KEYS
        ? t(APPLICATION_STATUS_KEYS[status as keyof typeof APPLICATION_STATUS_KEYS])
        : status,
  };
}

type LoiView = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["applications"][number]["loi"]>;

/** A two-stage cycle: the letter of intent's standing and both deadlines, in the cycle's time zone. */
function LoiStage({ status, loi, timeZone }: { status: string; loi: LoiView; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const loiDeadline = format.dateTime(loi.loiDeadline, timeZone);
  const fullDeadline = format.dateTime(loi.fullDeadline, timeZone);
  return (
    <div className="stack">
      <p>
        {status === "loi_draft"
          ? t("myApplications.loiDraft", { date: loiDeadline })
          : status === "loi_submitted"
            ? t("myApplications.loiSubmitted", { date: loiDeadline })
            : status === "not_invited"
              ? t("myApplications.loiNotInvited")
              : loi.invitedAt
                ? t("myApplications.loiInvited", {
                    invited: format.dateTime(loi.invitedAt, timeZone),
                    due: fullDeadline,
                  })
                : t("myApplications.loiDue", { date: loiDeadline })}
      </p>
      <p className="muted">{t("myApplications.deadlines", { loi: loiDeadline, full: fullDeadline })}</p>
    </div>
  );
}

type ProgressView = ReturnType<typeof useLoaderData<typeof loader>>["applications"][number]["progress"];

/** What the application still lacks, and whether each reference arrived (never what it says). */
function ProgressSection({ slug, progress }: { slug: string; progress: ProgressView }) {
  const { t } = useTranslation();
  const missing = progress.missing;
  const lacks = missing ? [...missing.answers, ...missing.files] : [];
  return (
    <>
      {missing && (lacks.length || missing.references) ? (
        <div className="notice notice-warning">
          <p>{t("myApplications.stillMissing")}</p>
          <ul>
            {lacks.map((label) => (
              <li key={label}>{label}</li>
            ))}
            {missing.references ? (
              <li>{t("myApplications.referencesMissing", { count: missing.references })}</li>
            ) : null}
          </ul>
        </div>
      ) : missing ? (
        <p>{t("myApplications.nothingMissing")}</p>
      ) : null}
      {progress.asksReferences ? (
        <>
          <h3>{t("references.title")}</h3>
          {progress.references.length ? (
            <ul>
              {progress.references.map((reference) => (
                <li key={reference.id}>
                  {reference.status === "received"
                    ? t("myApplications.referenceReceived", { name: reference.name })
                    : t("myApplications.referenceRequested", { name: reference.name })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("myApplications.noReferee")}</p>
          )}
          <p>
            <Link to={`/apply/${slug}/references`}>{t("myApplications.manageReferences")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

type MatchingView = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["applications"][number]["matching"]>;

function MatchingSection({
  applicationId,
  matching,
  timeZone,
}: {
  applicationId: string;
  matching: MatchingView;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (matching.status === "matched" && matching.matched) {
    return (
      <div className="notice stack">
        <p>
          <Trans
            i18nKey="myMatching.matched"
            values={{ organization: matching.matched.organization, title: matching.matched.title }}
            components={{ strong: <strong /> }}
          />
        </p>
        <Form method="post" className="actions">
          <input type="hidden" name="applicationId" value={applicationId} />
          <button type="submit" name="intent" value="accept-placement">
            {t("myMatching.acceptPlacement")}
          </button>
          <button type="submit" name="intent" value="decline-placement" className="secondary">
            {t("myMatching.decline")}
          </button>
        </Form>
      </div>
    );
  }
  if (matching.matched && (matching.status === "accepted" || matching.status === "declined")) {
    return (
      <p>
        {t(matching.status === "accepted" ? "myMatching.placementAccepted" : "myMatching.placementDeclined", {
          organization: matching.matched.organization,
          title: matching.matched.title,
        })}
      </p>
    );
  }
  if (matching.status !== "finalist") return null;
  return (
    <section aria-label={t("myMatching.rankLabel")} className="stack">
      <h3>{t("myMatching.rankTitle")}</h3>
      <p>
        {[
          t("myMatching.rankIntro"),
          matching.rankingDeadline
            ? t("myMatching.rankingsClose", { date: format.dateTime(matching.rankingDeadline, timeZone) })
            : null,
          t("myMatching.ownListOnly"),
        ]
          .filter(Boolean)
          .join(" ")}
      </p>
      {matching.positions.length === 0 ? (
        <p className="muted">{t("myMatching.noPositions")}</p>
      ) : (
        <RankList
          name={t("myMatching.rankLabel")}
          items={matching.positions}
          ranked={matching.ranking}
          disabled={!matching.rankingOpen}
          extra={{ applicationId }}
        />
      )}
    </section>
  );
}
