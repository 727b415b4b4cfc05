import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { LetterActionSchema } from "~/applications/loi.schema";
import { inviteLetters } from "~/applications/loi.server";
import { lettersView } from "~/applications/loi-view.server";
import { CycleNav } from "~/components/cycle-nav";
import { ReleaseCard, ReleasePreview } from "~/components/decision-release";
import { FormErrors, replyErrors } from "~/components/forms";
import { useFormat } from "~/components/use-format";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cancelRelease, scheduleRelease } from "~/review/decision-release.server";
import { setPendingDecisions } from "~/review/decisions.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { redirectAfterSuccess } from "~/utils/flash.server";
import { formatTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { parseSubmission } from "~/utils/parse-submission";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.letters.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    ...(await lettersView(context.db, context.config, cycle)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: LetterActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "invite") {
    const result = await inviteLetters(context.db, context.config, staff.id, cycle, value.applicationId);
    // The flash is one message: the counts that are not zero pick the wording.
    message =
      result.already || result.refused
        ? msg("cycleAdmin.letters.invitedWithNotes", {
            count: result.invited,
            already: result.already,
            refused: result.refused,
          })
        : msg("cycleAdmin.letters.invited", { count: result.invited });
  } else if (value.intent === "release") {
    const released = await scheduleRelease(context.db, context.config, staff.id, cycle);
    if (!released.ok) return invalid(submission.reply({ formErrors: [released.message] }), released.status);
    message = released.sentNow
      ? msg("cycleAdmin.letters.released", { count: released.decisions })
      : msg("cycleAdmin.letters.sending", {
          count: released.decisions,
          time: formatTime(released.sendAt, cycle.timezone),
        });
  } else if (value.intent === "cancel-release") {
    const cancelled = await cancelRelease(context.db, staff.id, cycle.id);
    if (!cancelled.ok) return invalid(submission.reply({ formErrors: [cancelled.message] }), cancelled.status);
    message = msg("cycleAdmin.letters.cancelled");
  } else {
    const decision = value.intent === "clear" ? null : "not_invited";
    const changed = await setPendingDecisions(context.db, staff.id, cycle.id, value.applicationId, decision);
    message = decision
      ? msg("cycleAdmin.letters.marked", { count: changed })
      : msg("cycleAdmin.letters.unmarked", { count: changed });
  }
  return redirectAfterSuccess(context.config, `/staff/cycles/${cycle.slug}/letters`, message);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function LettersPage() {
  const { cycle, loiDeadline, rows, pending, waiting, preview, delayMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.letters.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      {loiDeadline === null ? (
        <p className="notice">
          {t("cycleAdmin.letters.oneStage")}{" "}
          <Link to={`/staff/cycles/${cycle.slug}/settings`}>{t("cycleAdmin.nav.settings")}</Link>{" "}
          {t("cycleAdmin.letters.oneStageAnd")}{" "}
          <Link to={`/staff/cycles/${cycle.slug}/questions`}>{t("cycleAdmin.nav.questions")}</Link>.
        </p>
      ) : (
        <p>{t("cycleAdmin.letters.intro", { date: format.dateTime(loiDeadline, cycle.timezone) })}</p>
      )}
      {rows.length > 0 ? (
        <Form method="post" className="stack">
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("cycleAdmin.nav.letters")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("cycleAdmin.letters.select")}</span>
                  </th>
                  <th scope="col">{t("cycleAdmin.rounds.applicant")}</th>
                  <th scope="col">{t("cycleAdmin.completeness.status")}</th>
                  <th scope="col">{t("cycleAdmin.letters.letter")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {row.status === "loi_submitted" && !row.inRelease ? (
                        <input
                          type="checkbox"
                          name="applicationId"
                          value={row.id}
                          aria-label={t("cycleAdmin.letters.selectName", { name: row.name })}
                        />
                      ) : null}
                    </td>
                    <td>{row.name}</td>
                    <td>
                      {row.pendingNotInvited
                        ? row.inRelease && waiting
                          ? t("cycleAdmin.letters.notInvitedSending", { time: waiting.sendAt })
                          : t("cycleAdmin.letters.notInvitedMarked")
                        : row.invitedAt
                          ? `${t("cycleAdmin.letters.invitedOn", { date: format.dateTime(row.invitedAt, cycle.timezone) })} · ${t(APPLICATION_STATUS_KEYS[row.status])}`
                          : t(APPLICATION_STATUS_KEYS[row.status])}
                    </td>
                    <td>
                      {row.answers.length > 0 ? (
                        <details>
                          <summary>
                            {t("cycleAdmin.letters.read")}
                            <span className="visually-hidden">
                              {" "}
                              {t("cycleAdmin.letters.theLetterOf", { name: row.name })}
                            </span>
                          </summary>
                          <dl className="answers">
                            {row.answers.map((answer) => (
                              <div key={answer.label}>
                                <dt>{answer.label}</dt>
                                <dd>{answer.answer || "—"}</dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      ) : (
                        <span className="muted">{t("cycleAdmin.letters.notSubmitted")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="invite">
              {t("cycleAdmin.letters.invite")}
            </button>
            <button type="submit" name="intent" value="mark-not-invited" className="secondary">
              {t("cycleAdmin.letters.mark")}
            </button>
            <button type="submit" name="intent" value="clear" className="secondary">
              {t("cycleAdmin.letters.clear")}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t("cycleAdmin.letters.none")}</p>
      )}
      <ReleasePreview groups={preview} />
      <ReleaseCard pending={pending} delayMinutes={delayMinutes} waiting={waiting} />
    </div>
  );
}
