import { parseSubmission } from "~/utils/parse-submission";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { CycleNav } from "~/components/cycle-nav";
import { FormErrors, replyErrors } from "~/components/forms";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { MatchingActionSchema } from "~/matching/matching.schema";
import { sendRankingReminders } from "~/matching/reminders.server";
import { publishRun } from "~/matching/publish.server";
import { dryRun, latestRunView, readiness } from "~/matching/runs.server";
import { audit } from "~/audit/audit.server";
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
    message = deadline ? "Ranking deadline saved." : "Ranking deadline removed.";
  } else if (value.intent === "send-reminders") {
    const sent = await sendRankingReminders(context.db, context.config, staff.id, cycle);
    message = `Sent ${sent} reminder${sent === 1 ? "" : "s"}.`;
  } else if (value.intent === "dry-run") {
    const result = await dryRun(context.db, staff.id, cycle.id);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = "Dry run done: check the result below before publishing.";
  } else {
    const result = await publishRun(context.db, context.config, staff.id, cycle);
    if (!result.ok) return invalid(submission.reply({ formErrors: [result.message] }), result.status);
    message = `Published: ${result.matched} matched, ${result.unmatched} not matched. Emails are on their way.`;
  }
  return redirect(`/staff/cycles/${cycle.slug}/matching`, {
    headers: { "Set-Cookie": await setFlash(context.config, { kind: "success", message }) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Matching — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function MatchingPage() {
  const { cycle, ready, run } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const published = Boolean(run?.publishedAt);
  return (
    <div className="stack">
      <h1>{`Matching for ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <FormErrors errors={replyErrors(actionData)} />
      <section className="card stack" aria-labelledby="readiness-title">
        <h2 id="readiness-title">Readiness</h2>
        <p>
          {ready.finalists} finalists and {ready.positions} positions in the market.{" "}
          {ready.waiting === 0 ? "Everyone has ranked." : `${ready.waiting} rank list(s) missing.`}
        </p>
        {ready.finalistsWithout.length ? (
          <p>Finalists who have not ranked: {ready.finalistsWithout.join(", ")}.</p>
        ) : null}
        {ready.positionsWithout.length ? (
          <p>Positions not ranked by their host: {ready.positionsWithout.join(", ")}.</p>
        ) : null}
        <Form method="post" className="inline-fields">
          <div className="field">
            <label htmlFor="rankingDeadline">Ranking deadline ({cycle.timezone})</label>
            <input id="rankingDeadline" name="rankingDeadline" type="datetime-local" defaultValue={cycle.deadline} />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="set-deadline" className="secondary">
              Save the deadline
            </button>
            <button
              type="submit"
              name="intent"
              value="send-reminders"
              className="secondary"
              disabled={ready.waiting === 0 || published}
            >
              Remind everyone who has not ranked
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="run-title">
        <h2 id="run-title">Run the matching</h2>
        <p>
          Applicant-proposing deferred acceptance with seats: the stable matching that is best for every finalist. A
          pair is only matched if both sides ranked each other.
        </p>
        <Form method="post">
          <button type="submit" name="intent" value="dry-run" disabled={published}>
            {run ? "Run again on today’s rank lists" : "Run a dry run"}
          </button>
        </Form>
      </section>
      {run ? (
        <section className="stack" aria-labelledby="result-title">
          <h2 id="result-title">{published ? "Published result" : "Dry-run result"}</h2>
          <p className={run.blockingPairs === 0 && run.stable ? "notice" : "notice notice-warning"}>
            Stability certificate: {run.blockingPairs} blocking pair{run.blockingPairs === 1 ? "" : "s"}
            {run.stable
              ? " — checked again independently: no finalist and host would both rather be together than with what they got."
              : " — the independent check failed."}
          </p>
          <table>
            <caption>Matches</caption>
            <thead>
              <tr>
                <th scope="col">Finalist</th>
                <th scope="col">Position</th>
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
          <p>Not matched: {run.unmatched.length ? run.unmatched.join(", ") : "nobody"}.</p>
          <p>
            Unfilled seats:{" "}
            {run.unfilled.length ? run.unfilled.map((seat) => `${seat.position} (${seat.open})`).join(", ") : "none"}.
          </p>
          <details>
            <summary>Why each finalist got what they got</summary>
            <ul>
              {run.explanations.map((explanation) => (
                <li key={explanation.applicant}>
                  <strong>{explanation.applicant}</strong>: {explanation.position ?? "not matched"}.
                  {explanation.missed.length ? (
                    <ul>
                      {explanation.missed.map((missed) => (
                        <li key={missed.position}>
                          Preferred {missed.position}, but {missed.why}.
                        </li>
                      ))}
                    </ul>
                  ) : (
                    " Their first acceptable choice."
                  )}
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>
              If hosts proposed instead ({run.hostOptimalDifferences.length} difference
              {run.hostOptimalDifferences.length === 1 ? "" : "s"})
            </summary>
            {run.hostOptimalDifferences.length === 0 ? (
              <p>The host-optimal stable matching is the same: this market has a single stable matching.</p>
            ) : (
              <ul>
                {run.hostOptimalDifferences.map((difference) => (
                  <li key={difference.applicant}>
                    {difference.applicant}: {difference.applicantOptimal} now, {difference.hostOptimal} if hosts
                    proposed.
                  </li>
                ))}
              </ul>
            )}
          </details>
          {!published ? (
            <Form method="post" className="card narrow stack">
              <label className="choice">
                <input type="checkbox" name="confirm" />I checked this result and want to publish it
              </label>
              <button type="submit" name="intent" value="publish">
                Publish and email everyone
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
