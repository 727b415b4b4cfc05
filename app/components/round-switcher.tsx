import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface RoundLink {
  position: number;
  name: string;
}

/** The review rounds of a cycle, as links to the same staff page for each (`?round=N`); shown once there are two. */
export function RoundSwitcher({
  path,
  rounds,
  current,
}: {
  path: string;
  rounds: readonly RoundLink[];
  current: number;
}) {
  const { t } = useTranslation();
  if (rounds.length < 2) return null;
  return (
    <nav aria-label={t("cycleAdmin.roundSwitcher.label")} className="subnav">
      <ul className="nav-list">
        {rounds.map((round) => (
          <li key={round.position}>
            <Link
              to={`${path}?round=${round.position}`}
              aria-current={round.position === current ? "page" : undefined}
              className={round.position === current ? "active" : undefined}
            >
              {t("cycleAdmin.roundSwitcher.round", { position: round.position, name: round.name })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Where a staff page of a round sends its user back to after a change. */
export const roundPath = (path: string, round: RoundLink, rounds: readonly RoundLink[]) =>
  rounds.length < 2 ? path : `${path}?round=${round.position}`;
