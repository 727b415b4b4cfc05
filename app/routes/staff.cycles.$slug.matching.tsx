import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { MatchingActionSchema } from "~/matching/matching.schema";
import { sendRankingReminders } from "~/matching/reminders.server";
import { publishRun } from "~/matching/publish.server";
import { dryRun, latestRunView, readiness } from "~/matching/runs.server";
import { audit } from "~/audit/audit.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, useMessage } from "~/i18n/message";
import { setFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { invalid, readFormData } from "~/utils/forms.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/utils/timezones";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const [ready, run] = await Promise.all([readiness(context.db, cycle.id), latestRunView(context.db, cycle.id)]);
  const ids = [...ready.finalistsWithout, ...ready.positionsWithout];
  const [people, positions] = await Promise.all([
    ready.finalistsWithout.length
      ? context.db
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.applicantId")
          .select(["applications.id", "users.name"])
          .where("applications.id", "in", ready.finalistsWithout)
          .execute()
      : [],
    ready.positionsWithout.length
      ? context.db
          .selectFrom("positions")
          .innerJoin("organizations", "organizations.id", "positions.organizationId")
          .select(["positions.id", "positions.title", "organizations.name"])
          .where("positions.id", "in", ready.positionsWithout)
          .execute()
      : [],
  ]);
  return {
    title: await pageTitle(request, context, msg("selection.matching.pageTitle"), cycle.name, msg("nav.staff")),
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      timezone: cycle.timezone,
      deadline: cycle.rankingDeadline ? utcToZonedLocal(cycle.rankingDeadline, cycle.timezone) : "",
      deadlineText: cycle.rankingDeadline ? formatDateTime(cycle.rankingDeadline, cycle.timezone) : null,
    },
    ready: {
      finalists: ready.finalists,
      positions: ready.positions,
      waiting: ids.length,
      finalistsWithout: people.map((row) => row.name),
      positionsWithout: positions.map((row) => `${row.title} (${row.name})`),
    },
    run: run
      ? { ...run, createdAt: run.createdAt.toISOString(), publishedAt: run.publishedAt?.toISOString() ?? null }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { staff, cycle } = await requireStaffCycle(request, context, params.slug);
  const submission = parseSubmission(await readFormData(request), { schema: MatchingActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  let message: string;
  if (value.intent === "set-deadline") {
    const deadline = value.rankingDeadline ? zonedLocalToUtc(value.rankingDeadline, cycle.timezone) : null;
    await context.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("cycles")
        .set({ rankingDeadline: deadline, updatedAt: sql`now()`, version: sql`version + 1` })
        .where("id", "=", cycle.id)
        .execute();
      await audit(trx, {
        actorId: staff.id,
        action: "cycle.ranking-deadline",
        subjectType: "cycle",
        subjectId: cycle.id,
        data: { deadline: deadline?.toISOString() ?? null },
      });
    });
    message = deadline
      ? msg("selection.matching.flash.deadlineSaved")
      : msg("selection.matching.flash.deadlineRemoved");
  } else if (value.intent === "send-reminders") {
    const sent = await sendRankingReminders(context.db, context.config, staff.id, cycle);
    message = msg("selection.flash.reminders", { count: sent });
  } else if (value.intent === "dry-run") {
    const result = await dryRun(context.db, staff.id, cycle.id);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = msg("selection.matching.flash.dryRun");
  } else {
    const result = await publishRun(context.db, context.config, staff.id, cycle);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = msg("selection.matching.flash.published", { matched: result.matched, unmatched: result.unmatched });
  }
  return redirect(`/staff/cycles/${cycle.slug}/matching`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function MatchingPage() {
  const { cycle, ready, run } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const message = useMessage();
  const published = Boolean(run?.publishedAt);
  return (
    <div className="stack">
      <h1>{t("selection.matching.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      <section className="card stack" aria-labelledby="readiness-title">
        <h2 id="readiness-title">{t("selection.matching.readiness")}</h2>
        <p>
          {t("selection.matching.market", { finalists: ready.finalists, positions: ready.positions })}{" "}
          {ready.waiting === 0
            ? t("selection.matching.everyoneRanked")
            : t("selection.matching.listsMissing", { count: ready.waiting })}
        </p>
        {ready.finalistsWithout.length ? (
          <p>{t("selection.matching.finalistsWithout", { names: ready.finalistsWithout.join(", ") })}</p>
        ) : null}
        {ready.positionsWithout.length ? (
          <p>{t("selection.matching.positionsWithout", { names: ready.positionsWithout.join(", ") })}</p>
        ) : null}
        <Form method="post" className="inline-fields">
          <div className="field">
            <label htmlFor="rankingDeadline">{t("selection.matching.deadline", { timeZone: cycle.timezone })}</label>
            <input id="rankingDeadline" name="rankingDeadline" type="datetime-local" defaultValue={cycle.deadline} />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="set-deadline" className="secondary">
              {t("selection.matching.saveDeadline")}
            </button>
            <button
              type="submit"
              name="intent"
              value="send-reminders"
              className="secondary"
              disabled={ready.waiting === 0 || published}
            >
              {t("selection.matching.remind")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="run-title">
        <h2 id="run-title">{t("selection.matching.runTitle")}</h2>
        <p>{t("selection.matching.runIntro")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="dry-run" disabled={published}>
            {run ? t("selection.matching.runAgain") : t("selection.matching.dryRun")}
          </button>
        </Form>
      </section>
      {run ? (
        <section className="stack" aria-labelledby="result-title">
          <h2 id="result-title">
            {published ? t("selection.matching.publishedResult") : t("selection.matching.dryRunResult")}
          </h2>
          <p className={run.blockingPairs === 0 && run.stable ? "notice" : "notice notice-warning"}>
            {t("selection.matching.certificate", { count: run.blockingPairs })}
            {run.stable ? t("selection.matching.stable") : t("selection.matching.unstable")}
          </p>
          <table>
            <caption>{t("selection.matching.matches")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("selection.matching.finalist")}</th>
                <th scope="col">{t("selection.matching.position")}</th>
              </tr>
            </thead>
            <tbody>
              {run.matches.map((match) => (
                <tr key={match.applicant}>
                  <td>{match.applicant}</td>
                  <td>{match.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t("selection.matching.notMatched", {
              names: run.unmatched.length ? run.unmatched.join(", ") : t("selection.matching.nobody"),
            })}
          </p>
          <p>
            {t("selection.matching.unfilled", {
              seats: run.unfilled.length
                ? run.unfilled.map((seat) => `${seat.position} (${seat.open})`).join(", ")
                : t("selection.matching.noSeats"),
            })}
          </p>
          <details>
            <summary>{t("selection.matching.whyTitle")}</summary>
            <ul>
              {run.explanations.map((explanation) => (
                <li key={explanation.applicant}>
                  <strong>{explanation.applicant}</strong>
                  {t("selection.matching.got", {
                    position: explanation.position ?? t("selection.matching.notMatchedShort"),
                  })}
                  {explanation.missed.length ? (
                    <ul>
                      {explanation.missed.map((missed) => (
                        <li key={missed.position}>
                          {t("selection.matching.preferred", { position: missed.position, why: message(missed.why) })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("selection.matching.firstChoice")
                  )}
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>{t("selection.matching.hostsProposed", { count: run.hostOptimalDifferences.length })}</summary>
            {run.hostOptimalDifferences.length === 0 ? (
              <p>{t("selection.matching.sameMatching")}</p>
            ) : (
              <ul>
                {run.hostOptimalDifferences.map((difference) => (
                  <li key={difference.applicant}>
                    {t("selection.matching.difference", {
                      name: difference.applicant,
                      now: difference.applicantOptimal || t("selection.matching.notMatchedShort"),
                      hosts: difference.hostOptimal || t("selection.matching.notMatchedShort"),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </details>
          {!published ? (
            <Form method="post" className="card narrow stack">
              <label className="choice">
                <input type="checkbox" name="confirm" />
                {t("selection.matching.confirm")}
              </label>
              <button type="submit" name="intent" value="publish">
                {t("selection.matching.publish")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
