import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUS_KEYS } from "~/applications/application-status";
import { CycleNav } from "~/components/cycle-nav";
import { useFormat } from "~/components/use-format";
import { listQuestions } from "~/cycles/questions.server";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { cycleCompleteness } from "~/references/completeness.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { referenceDeadline } from "~/references/references";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const questions = await listQuestions(context.db, cycle.id);
  const entries = await cycleCompleteness(context.db, cycle, questions);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.completeness.title"), cycle.name, msg("nav.staff")),
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      referencesMin: cycle.referencesMin,
      referencesMax: cycle.referencesMax,
      referenceDeadline: referenceDeadline(cycle).toISOString(),
      timezone: cycle.timezone,
    },
    missingReferences: entries.filter((entry) => entry.missing.references > 0).length,
    letters: entries.filter((entry) => entry.stage === "loi").length,
    entries: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      status: entry.status as keyof typeof APPLICATION_STATUS_KEYS,
      received: entry.received,
      requested: entry.requested,
      overdue: entry.overdue,
      // Counted here, worded on the page (stageCompleteness words the CSV the same way in English).
      missing: {
        answers: entry.missing.answers.length,
        files: entry.missing.files.length,
        references: entry.missing.references,
      },
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["entries"][number];

/** What an application lacks at its stage, or where a letter of intent stands (as stageCompleteness). */
function useMissingText() {
  const { t } = useTranslation();
  return (entry: Entry) => {
    const lacks = [
      entry.missing.answers ? t("cycleAdmin.completeness.answers", { count: entry.missing.answers }) : "",
      entry.missing.files ? t("cycleAdmin.completeness.files", { count: entry.missing.files }) : "",
      entry.missing.references ? t("cycleAdmin.completeness.references", { count: entry.missing.references }) : "",
    ]
      .filter(Boolean)
      .join(", ");
    if (entry.status === "not_invited") return t("cycleAdmin.completeness.notInvited");
    if (entry.status === "loi_draft" || entry.status === "loi_submitted") {
      if (lacks) return t("cycleAdmin.completeness.inLetter", { lacks });
      return entry.status === "loi_draft"
        ? t("cycleAdmin.completeness.letterWritten")
        : t("cycleAdmin.completeness.letterSubmitted");
    }
    return lacks || t("cycleAdmin.completeness.complete");
  };
}

export default function CompletenessPage() {
  const { cycle, missingReferences, letters, entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  const missingText = useMissingText();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.completeness.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>
        {cycle.referencesMax === 0
          ? t("references.noneAsked")
          : `${t("cycleAdmin.completeness.needs", {
              count: cycle.referencesMin,
              max: cycle.referencesMax,
              deadline: format.dateTime(cycle.referenceDeadline, cycle.timezone),
            })} ${t("cycleAdmin.completeness.missingReferences", { count: missingReferences })}`}{" "}
        <a href={`/staff/cycles/${cycle.slug}/completeness.csv`}>{t("cycleAdmin.completeness.export")}</a>
      </p>
      {letters > 0 ? <p>{t("cycleAdmin.completeness.letters", { count: letters })}</p> : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("cycleAdmin.completeness.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cycleAdmin.rounds.applicant")}</th>
              <th scope="col">{t("cycleAdmin.completeness.status")}</th>
              <th scope="col">{t("cycleAdmin.completeness.received")}</th>
              <th scope="col">{t("cycleAdmin.completeness.awaited")}</th>
              <th scope="col">{t("cycleAdmin.completeness.missing")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("cycleAdmin.completeness.none")}</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Link to={`/staff/cycles/${cycle.slug}/applications/${entry.id}`}>{entry.name}</Link>
                  </td>
                  <td>{t(APPLICATION_STATUS_KEYS[entry.status])}</td>
                  <td>{entry.received}</td>
                  <td>
                    {entry.requested}
                    {entry.overdue ? ` ${t("cycleAdmin.completeness.overdue", { count: entry.overdue })}` : ""}
                  </td>
                  <td>{missingText(entry)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
