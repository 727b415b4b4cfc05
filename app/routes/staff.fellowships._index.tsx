import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffNav } from "~/components/staff-nav";
import { useFormat } from "~/components/use-format";
import type { FellowshipStatus } from "#db/types";
import { pageTitle } from "~/i18n/i18n.server";
import { msg, type MessageKey } from "~/i18n/message";
import { staffDashboard } from "~/fellowships/views.server";
import { requireStaff } from "~/utils/permissions.server";

const FELLOWSHIP_STATUS_KEYS: Record<FellowshipStatus, MessageKey> = {
  active: "staff.fellowships.statuses.active",
  completed: "staff.fellowships.statuses.completed",
  ended_early: "staff.fellowships.statuses.ended_early",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const raw = new URL(request.url).searchParams.get("cohort");
  const cohortYear = raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const { fellowships, cohorts } = await staffDashboard(context.db, { cohortYear });
  const totals = { due: 0, late: 0, done: 0, upcoming: 0 };
  for (const fellowship of fellowships)
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += fellowship.counts[key];
  return {
    title: await pageTitle(request, context, msg("staff.nav.fellowships"), msg("staff.nav.label")),
    cohortYear: cohortYear ?? null,
    cohorts,
    totals,
    fellowships: fellowships.map((fellowship) => ({
      id: fellowship.id,
      fellowName: fellowship.fellowName,
      organizationName: fellowship.organizationName,
      cohortYear: fellowship.cohortYear,
      status: fellowship.status,
      endsOn: fellowship.endsOn,
      counts: fellowship.counts,
      nextDue: fellowship.nextDue,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function FellowshipsDashboard() {
  const { fellowships, cohorts, cohortYear, totals } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("staff.nav.fellowships")}</h1>
      <StaffNav />
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="cohort">{t("staff.fellowships.cohort")}</label>
          <select id="cohort" name="cohort" defaultValue={cohortYear ?? ""}>
            <option value="">{t("staff.fellowships.everyCohort")}</option>
            {cohorts.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("staff.fellowships.show")}
        </button>
      </Form>
      <p>
        {t("staff.fellowships.reports")} <strong>{t("staff.fellowships.late", { count: totals.late })}</strong>
        {t("staff.fellowships.totals", { due: totals.due, done: totals.done, upcoming: totals.upcoming })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("staff.fellowships.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.fellowships.fellow")}</th>
              <th scope="col">{t("staff.fellowships.host")}</th>
              <th scope="col">{t("staff.fellowships.cohort")}</th>
              <th scope="col">{t("staff.campaign.status")}</th>
              <th scope="col">{t("staff.fellowships.lateColumn")}</th>
              <th scope="col">{t("staff.fellowships.dueColumn")}</th>
              <th scope="col">{t("staff.fellowships.doneColumn")}</th>
              <th scope="col">{t("staff.fellowships.nextDue")}</th>
            </tr>
          </thead>
          <tbody>
            {fellowships.map((fellowship) => (
              <tr key={fellowship.id}>
                <th scope="row">
                  <Link to={`/staff/fellowships/${fellowship.id}`}>{fellowship.fellowName}</Link>
                </th>
                <td>{fellowship.organizationName}</td>
                <td>{fellowship.cohortYear}</td>
                <td>{t(FELLOWSHIP_STATUS_KEYS[fellowship.status])}</td>
                <td>
                  {fellowship.counts.late > 0 ? (
                    <span className="badge badge-danger">{fellowship.counts.late}</span>
                  ) : (
                    0
                  )}
                </td>
                <td>{fellowship.counts.due}</td>
                <td>{fellowship.counts.done}</td>
                <td>{fellowship.nextDue ? format.date(`${fellowship.nextDue}T12:00:00Z`) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fellowships.length === 0 ? <p>{t("staff.fellowships.none")}</p> : null}
    </div>
  );
}
