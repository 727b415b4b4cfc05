import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/auth/roles";
import { cyclePhase, PHASE_KEYS } from "~/cycles/cycle-status";
import { listPublishedCycles } from "~/cycles/cycles.server";
import { useFormat } from "~/components/use-format";
import { requestI18n } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/message";
import { getOptionalUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, cycles, i18n] = await Promise.all([
    getOptionalUser(request, context),
    listPublishedCycles(context.db),
    requestI18n(request, context),
  ]);
  const now = new Date();
  return {
    description: i18n.t("home.description"),
    user: user ? { name: user.name, roles: user.roles } : null,
    cycles: cycles
      .map((cycle) => ({
        slug: cycle.slug,
        name: cycle.name,
        phase: cyclePhase(cycle, now),
        closesAt: cycle.closesAt.toISOString(),
        timezone: cycle.timezone,
      }))
      .filter((cycle) => cycle.phase === "accepting" || cycle.phase === "scheduled"),
  };
}

type CycleCard = { slug: string; name: string; phase: keyof typeof PHASE_KEYS; closesAt: string; timezone: string };

function OpenCycles({ cycles }: { cycles: CycleCard[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (cycles.length === 0) return <p>{t("home.noCycles")}</p>;
  return (
    <ul className="cards" aria-label={t("home.cyclesLabel")}>
      {cycles.map((cycle) => (
        <li key={cycle.slug} className="card">
          <h3>
            <Link to={`/cycles/${cycle.slug}`}>{cycle.name}</Link>
          </h3>
          <p>
            {t(PHASE_KEYS[cycle.phase])} ·{" "}
            {t("home.deadline", { date: format.dateTime(cycle.closesAt, cycle.timezone) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Open Web Fellows" },
  { name: "description", content: data?.description ?? "" },
];

const ROLE_HOME: Record<Role, { to: string; label: MessageKey; text: MessageKey }> = {
  staff: { to: "/staff", label: "home.roles.staff", text: "home.roles.staffText" },
  reviewer: { to: "/review", label: "home.roles.reviewer", text: "home.roles.reviewerText" },
  partner: { to: "/partner", label: "home.roles.partner", text: "home.roles.partnerText" },
  ally: { to: "/me/profile", label: "home.roles.ally", text: "home.roles.allyText" },
  fellow: { to: "/me/fellowship", label: "home.roles.fellow", text: "home.roles.fellowText" },
  alumnus: { to: "/me/fellowship", label: "home.roles.alumnus", text: "home.roles.alumnusText" },
  applicant: { to: "/me/applications", label: "home.roles.applicant", text: "home.roles.applicantText" },
};

export default function HomePage() {
  const { user, cycles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!user) return <Landing cycles={cycles} />;
  return (
    <div className="stack">
      <h1>{t("home.welcome", { name: user.name })}</h1>
      {user.roles.length === 0 ? (
        <p className="lede">{t("home.ready")}</p>
      ) : (
        <ul className="cards" aria-label={t("home.rolesLabel")}>
          {user.roles.map((role) => (
            <li key={role} className="card">
              <h2>
                <Link to={ROLE_HOME[role].to}>{t(ROLE_HOME[role].label)}</Link>
              </h2>
              <p>{t(ROLE_HOME[role].text)}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("home.applyHeading")}</h2>
      <OpenCycles cycles={cycles} />
      <p>
        <Link to="/me/account">{t("home.accountLink")}</Link>
      </p>
    </div>
  );
}

function Landing({ cycles }: { cycles: CycleCard[] }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>Open Web Fellows</h1>
      <p className="lede">{t("home.lede")}</p>
      <div className="actions">
        <Link className="button" to="/signup">
          {t("home.createAccount")}
        </Link>
        <Link className="button secondary" to="/login">
          {t("nav.signIn")}
        </Link>
      </div>
      <h2>{t("home.openNow")}</h2>
      <OpenCycles cycles={cycles} />
    </div>
  );
}
