import type { TFunction } from "i18next";
import type { MessageKey } from "~/i18n/message";
import { DISCIPLINES, type Discipline, type Region } from "~/network/taxonomy";

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

const DISCIPLINE_KEYS: Record<Discipline, MessageKey> = {
  technologist: "directory.disciplines.technologist",
  researcher: "directory.disciplines.researcher",
  policy: "directory.disciplines.policy",
  journalist: "directory.disciplines.journalist",
  artist: "directory.disciplines.artist",
  educator: "directory.disciplines.educator",
  organizer: "directory.disciplines.organizer",
};

// Regions are stored by their English names (the profile's value); these are how a page names them.
const REGION_KEYS: Record<Region, MessageKey> = {
  "Sub-Saharan Africa": "directory.regions.subSaharanAfrica",
  "Middle East & North Africa": "directory.regions.mena",
  Europe: "directory.regions.europe",
  "North America": "directory.regions.northAmerica",
  "Latin America & Caribbean": "directory.regions.latinAmerica",
  "South Asia": "directory.regions.southAsia",
  "East & Southeast Asia": "directory.regions.eastAsia",
  Oceania: "directory.regions.oceania",
};

/** A discipline's English name (for pages not yet translated); `disciplineText` is in the page's language. */
export function disciplineLabel(value: string): string {
  return DISCIPLINES[value as Discipline] ?? value;
}

/** A discipline in the page's language (an unknown value as it is). */
export function disciplineText(t: TFunction, value: string): string {
  const key = DISCIPLINE_KEYS[value as Discipline] as MessageKey | undefined;
  return key ? t(key) : value;
}

/** A region in the page's language (an unknown value as it is). */
export function regionText(t: TFunction, value: string): string {
  const key = REGION_KEYS[value as Region] as MessageKey | undefined;
  return key ? t(key) : value;
}

/**
 * The list of matching allies. Plain links and no hooks (the words come through `t`), so the
 * benchmark's bare server can render exactly this with renderToString.
 */
export function DirectoryResults({ profiles, t }: { profiles: DirectoryCard[]; t: TFunction }) {
  if (profiles.length === 0) return <p>{t("directory.none")}</p>;
  return (
    <ol className="result-list" aria-label={t("directory.listLabel")}>
      {profiles.map((profile) => (
        <li key={profile.id} className="card">
          <h3 className="result-name">
            <a href={`/directory/${profile.id}`}>{profile.displayName}</a>
            {profile.availableNow ? <span className="badge badge-success">{t("directory.availableNow")}</span> : null}
          </h3>
          {profile.headline ? <p className="result-headline">{profile.headline}</p> : null}
          <p className="muted">
            {[
              profile.disciplines.map((value) => disciplineText(t, value)).join(", "),
              profile.country ?? (profile.region ? regionText(t, profile.region) : null),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {profile.skills.length ? (
            <ul className="tags" aria-label={t("directory.skillsOf", { name: profile.displayName })}>
              {profile.skills.slice(0, 8).map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          ) : null}
          {profile.languages.length ? (
            <p className="muted">{t("directory.speaks", { languages: profile.languages.join(", ") })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
