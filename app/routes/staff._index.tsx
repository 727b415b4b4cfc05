import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { useTranslation } from "react-i18next";
import { StaffNav } from "~/components/staff-nav";
import { pageTitle } from "~/i18n/i18n.server";
import { msg } from "~/i18n/message";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const counts = await context.db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("users")
        .select(sql<number>`count(*)`.as("n"))
        .where("deletedAt", "is", null)
        .as("users"),
      eb
        .selectFrom("emailOutbox")
        .select(sql<number>`count(*)`.as("n"))
        .where("status", "in", ["pending", "sending"])
        .as("pendingEmails"),
      eb
        .selectFrom("emailOutbox")
        .select(sql<number>`count(*)`.as("n"))
        .where("status", "=", "failed")
        .as("failedEmails"),
    ])
    .executeTakeFirstOrThrow();
  return { title: await pageTitle(request, context, msg("staff.nav.label")), counts };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Open Web Fellows" }];

export default function StaffHome() {
  const { counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("staff.nav.label")}</h1>
      <StaffNav />
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/staff/users">{t("staff.nav.users")}</Link>
          </h2>
          <p>{t("staff.home.users", { count: Number(counts.users) })}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/staff/emails">{t("staff.nav.emails")}</Link>
          </h2>
          <p>{t("staff.home.emails", { waiting: counts.pendingEmails, failed: counts.failedEmails })}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/staff/audit">{t("staff.nav.audit")}</Link>
          </h2>
          <p>{t("staff.home.audit")}</p>
        </li>
      </ul>
    </div>
  );
}
