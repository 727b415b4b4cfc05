import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { APPLICATION_STATUS_KEYS, APPLICATION_STATUSES } from "~/applications/application-status";
import { countApplicationsByStatus } from "~/applications/admin.server";
import { CycleNav } from "~/components/cycle-nav";
import { ZonedTime } from "~/components/local-time";
import { cyclePhase, PHASE_KEYS } from "~/cycles/cycle-status";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const counts = await countApplicationsByStatus(context.db, cycle.id);
  return {
    title: await pageTitle(request, context, cycle.name, msg("nav.staff")),
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      phase: cyclePhase(cycle, new Date()),
      opensAt: cycle.opensAt.toISOString(),
      closesAt: cycle.closesAt.toISOString(),
      timezone: cycle.timezone,
      blindReview: cycle.blindReview,
      reviewersPerApplication: cycle.reviewersPerApplication,
    },
    counts,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffCycleOverview() {
  const { cycle, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{cycle.name}</h1>
      <CycleNav slug={cycle.slug} />
      <dl className="facts">
        <dt>{t("cycleAdmin.overview.phase")}</dt>
        <dd>{t(PHASE_KEYS[cycle.phase])}</dd>
        <dt>{t("cycle.opens")}</dt>
        <dd>
          <ZonedTime iso={cycle.opensAt} timeZone={cycle.timezone} />
        </dd>
        <dt>{t("cycle.deadline")}</dt>
        <dd>
          <ZonedTime iso={cycle.closesAt} timeZone={cycle.timezone} />
        </dd>
        <dt>{t("cycleAdmin.overview.review")}</dt>
        <dd>
          {t(cycle.blindReview ? "cycleAdmin.overview.blind" : "cycleAdmin.overview.namesVisible", {
            count: cycle.reviewersPerApplication,
          })}
        </dd>
        <dt>{t("cycleAdmin.overview.publicPage")}</dt>
        <dd>
          <Link to={`/cycles/${cycle.slug}`}>/cycles/{cycle.slug}</Link>
        </dd>
      </dl>
      <h2>{t("cycleAdmin.overview.byStatus")}</h2>
      <ul className="cards">
        {APPLICATION_STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => (
          <li key={status} className="card">
            <Link to={`/staff/cycles/${cycle.slug}/applications?status=${status}`}>
              {t(APPLICATION_STATUS_KEYS[status])}
            </Link>
            : <strong>{counts[status]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
