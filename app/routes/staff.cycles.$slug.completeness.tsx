import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { listQuestions } from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cycleCompleteness } from "~/references/completeness.server";
import { referenceDeadline } from "~/references/references";
import { formatDateTime } from "~/utils/format";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const questions = await listQuestions(context.db, cycle.id);
  const entries = await cycleCompleteness(context.db, cycle, questions);
  return {
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      referencesMin: cycle.referencesMin,
      referencesMax: cycle.referencesMax,
      referenceDeadline: formatDateTime(referenceDeadline(cycle), cycle.timezone),
    },
    missingReferences: entries.filter((entry) => entry.missing.references > 0).length,
    letters: entries.filter((entry) => entry.stage === "loi").length,
    entries: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      status: entry.status as keyof typeof APPLICATION_STATUS_LABELS,
      received: entry.received,
      requested: entry.requested,
      overdue: entry.overdue,
      summary: entry.summary,
      note: entry.note,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Completeness — ${data?.cycle.name ?? "Cycle"} — Staff — Open Web Fellows` },
];

export default function CompletenessPage() {
  const { cycle, missingReferences, letters, entries } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{`Completeness of ${cycle.name}`}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {cycle.referencesMax === 0
          ? "This cycle asks for no references."
          : `Each application needs ${cycle.referencesMin} reference${cycle.referencesMin === 1 ? "" : "s"} (at most ${cycle.referencesMax}); letters are taken until ${cycle.referenceDeadline}. ${missingReferences} application${missingReferences === 1 ? " is" : "s are"} missing references.`}{" "}
        <a href={`/staff/cycles/${cycle.slug}/completeness.csv`}>Export (CSV)</a>
      </p>
      {letters > 0 ? (
        <p>
          {`${letters} ${letters === 1 ? "is a letter" : "are letters"} of intent: ${letters === 1 ? "it lacks" : "they lack"} only the letter’s own answers, and references are asked only after an invitation.`}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">What each application still lacks</caption>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Status</th>
              <th scope="col">References received</th>
              <th scope="col">Awaited</th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5}>No applications yet.</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}/applications/${entry.id}`}>{entry.name}</Link>
                  </td>
                  <td>{APPLICATION_STATUS_LABELS[entry.status]}</td>
                  <td>{entry.received}</td>
                  <td>
                    {entry.requested}
                    {entry.overdue ? ` (${entry.overdue} overdue)` : ""}
                  </td>
                  <td>{entry.summary || entry.note || "Complete"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
