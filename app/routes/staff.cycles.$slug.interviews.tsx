import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleNav } from "~/components/cycle-nav";
import { useFormat } from "~/components/use-format";
import { requireStaffCycle } from "~/cycles/staff-cycle.server";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { interviewOverview } from "~/interviews/overview.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cycle } = await requireStaffCycle(request, context, params.slug);
  const positions = await interviewOverview(context.db, cycle.id);
  return {
    title: await pageTitle(request, context, msg("cycleAdmin.interviews.title"), cycle.name, msg("nav.staff")),
    cycle: { slug: cycle.slug, name: cycle.name, timezone: cycle.timezone },
    positions: positions.map((position) => ({
      ...position,
      booked: position.booked.map((row) => ({ name: row.name, when: row.startsAt.toISOString() })),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffInterviewsPage() {
  const { cycle, positions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h1>{t("cycleAdmin.interviews.heading", { cycle: cycle.name })}</h1>
      <CycleNav slug={cycle.slug} />
      <p>{t("cycleAdmin.interviews.intro")}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("cycleAdmin.interviews.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cycleAdmin.interviews.position")}</th>
              <th scope="col">{t("cycleAdmin.interviews.openTimes")}</th>
              <th scope="col">{t("cycleAdmin.interviews.booked")}</th>
              <th scope="col">{t("cycleAdmin.interviews.notBooked")}</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((position) => (
              <tr key={position.id}>
                <th scope="row">
                  {position.title} <span className="muted">· {position.organizationName}</span>
                </th>
                <td>{position.openSlots}</td>
                <td>
                  {t("cycleAdmin.interviews.bookedOf", {
                    booked: position.booked.length,
                    considered: position.considered,
                  })}
                  {position.booked.length > 0 ? (
                    <ul className="plain-list">
                      {position.booked.map((row) => (
                        <li key={row.name}>
                          {row.name} — {format.dateTime(row.when, cycle.timezone)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {position.notBooked.length === 0 ? (
                    <span className="muted">{t("cycleAdmin.interviews.everyone")}</span>
                  ) : (
                    <ul className="plain-list">
                      {position.notBooked.map((row) => (
                        <li key={row.name}>
                          {row.name}
                          {row.invited ? "" : ` ${t("cycleAdmin.interviews.notInvited")}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
