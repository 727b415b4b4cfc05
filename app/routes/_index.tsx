import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "~/auth/roles";
import { cyclePhase, PHASE_LABELS } from "~/cycles/cycle-status";
import { listPublishedCycles } from "~/cycles/cycles.server";
import { formatDateTime } from "~/utils/format";
import { getOptionalUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, cycles] = await Promise.all([getOptionalUser(request, context), listPublishedCycles(context.db)]);
  const now = new Date();
  return {
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

type CycleCard = { slug: string; name: string; phase: keyof typeof PHASE_LABELS; closesAt: string; timezone: string };

function OpenCycles({ cycles }: { cycles: CycleCard[] }) {
  if (cycles.length === 0) return <p>No fellowship cycle is taking applications right now.</p>;
  return (
    <ul className="cards" aria-label="Fellowship cycles">
      {cycles.map((cycle) => (
        <li key={cycle.slug} className="card">
          <h3>
            <Link to={`/cycles/${cycle.slug}`}>{cycle.name}</Link>
          </h3>
          <p>
            {PHASE_LABELS[cycle.phase]} · deadline {formatDateTime(cycle.closesAt, cycle.timezone)}
          </p>
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction = () => [
  { title: "Open Web Fellows" },
  { name: "description", content: "Fellowships and a network of allies for a healthy, open internet." },
];

const ROLE_HOME: Record<Role, { to: string; text: string }> = {
  staff: { to: "/staff", text: "Run cycles, reviews, matching and campaigns." },
  reviewer: { to: "/review", text: "Score the applications assigned to you." },
  partner: { to: "/partner", text: "Publish positions and rank your finalists." },
  ally: { to: "/me/profile", text: "Keep your directory profile and answer campaign requests." },
  fellow: { to: "/me/fellowship", text: "Your fellowship year: check-ins, reports and your host's comments." },
  alumnus: { to: "/me/fellowship", text: "Show your cohort on your network profile, if you wish." },
  applicant: { to: "/me/applications", text: "Follow your applications." },
};

export default function HomePage() {
  const { user, cycles } = useLoaderData<typeof loader>();
  if (!user) return <Landing cycles={cycles} />;
  return (
    <div className="stack">
      <h1>{`Welcome, ${user.name}`}</h1>
      {user.roles.length === 0 ? (
        <p className="lede">
          Your account is ready. From here you can apply to a fellowship cycle or join the network.
        </p>
      ) : (
        <ul className="cards" aria-label="Your roles">
          {user.roles.map((role) => (
            <li key={role} className="card">
              <h2>
                <Link to={ROLE_HOME[role].to}>{ROLE_LABELS[role]}</Link>
              </h2>
              <p>{ROLE_HOME[role].text}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>Apply for a fellowship</h2>
      <OpenCycles cycles={cycles} />
      <p>
        <Link to="/me/account">Your account and sessions</Link>
      </p>
    </div>
  );
}

function Landing({ cycles }: { cycles: CycleCard[] }) {
  return (
    <div className="stack">
      <h1>Open Web Fellows</h1>
      <p className="lede">
        Technologists, artists and policy people spend ten months with digital-rights groups, newsrooms and NGOs, and a
        wider network of allies joins campaigns for a healthy internet.
      </p>
      <div className="actions">
        <Link className="button" to="/signup">
          Create an account
        </Link>
        <Link className="button secondary" to="/login">
          Sign in
        </Link>
      </div>
      <h2>Fellowships open now</h2>
      <OpenCycles cycles={cycles} />
    </div>
  );
}
