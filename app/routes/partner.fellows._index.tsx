import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FELLOWSHIP_STATUS_KEYS, useTermDate } from "~/components/fellowship-header";
import { fellowshipSummary, hostFellows } from "~/fellowships/views.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requirePartner } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const fellows = await hostFellows(context.db, user.id);
  return {
    title: await pageTitle(request, context, msg("hostFellows.title"), msg("partnerPositions.area")),
    fellows: fellows.map(fellowshipSummary),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function HostFellowsPage() {
  const { fellows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const termDate = useTermDate();
  return (
    <div className="stack">
      <h1>{t("hostFellows.title")}</h1>
      <p>{t("hostFellows.intro")}</p>
      {fellows.length === 0 ? <p>{t("hostFellows.none")}</p> : null}
      <ul className="plain-list stack">
        {fellows.map((fellowship) => (
          <li key={fellowship.id} className="card">
            <h2>
              <Link to={`/partner/fellows/${fellowship.id}`}>{fellowship.fellowName}</Link>
            </h2>
            <p>
              {fellowship.positionTitle} · {fellowship.organizationName} ·{" "}
              {t("hostFellows.cohort", { year: fellowship.cohortYear })} · {termDate(fellowship.startsOn)} –{" "}
              {termDate(fellowship.endsOn)} · {t(FELLOWSHIP_STATUS_KEYS[fellowship.status])}
            </p>
            <p>{t("hostFellows.reportCounts", fellowship.counts)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
