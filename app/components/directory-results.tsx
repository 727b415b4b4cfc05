import { DISCIPLINES, type Discipline } from "~/network/taxonomy";

export interface DirectoryCard {
  id: string;
  displayName: string;
  headline: string;
  disciplines: string[];
  skills: string[];
  languages: string[];
  country: string | null;
  region: string | null;
  availableNow: boolean;
}

export function disciplineLabel(value: string): string {
  return DISCIPLINES[value as Discipline] ?? value;
}

/**
 * The list of matching allies. Plain links and no hooks, so the benchmark's bare server can
 * render exactly this with renderToString.
 */
export function DirectoryResults({ profiles }: { profiles: DirectoryCard[] }) {
  if (profiles.length === 0) return <p>No allies match. Try fewer filters or other words.</p>;
  return (
    <ol className="result-list" aria-label="Allies">
      {profiles.map((profile) => (
        <li key={profile.id} className="card">
          <h3 className="result-name">
            <a href={`/directory/${profile.id}`}>{profile.displayName}</a>
            {profile.availableNow ? <span className="badge badge-success">Available now</span> : null}
          </h3>
          {profile.headline ? <p className="result-headline">{profile.headline}</p> : null}
          <p className="muted">
            {[profile.disciplines.map(disciplineLabel).join(", "), profile.country ?? profile.region]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {profile.skills.length ? (
            <ul className="tags" aria-label={`Skills of ${profile.displayName}`}>
              {profile.skills.slice(0, 8).map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          ) : null}
          {profile.languages.length ? <p className="muted">Speaks {profile.languages.join(", ")}</p> : null}
        </li>
      ))}
    </ol>
  );
}
