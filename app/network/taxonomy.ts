/** The network's vocabularies (DOMAIN.md "Taxonomies"), shared by forms, facets and the seed. */

export const DISCIPLINES = {
  technologist: "Technologist",
  researcher: "Researcher",
  policy: "Policy / legal",
  journalist: "Journalist / media",
  artist: "Designer / artist",
  educator: "Educator",
  organizer: "Organizer",
} as const;
export type Discipline = keyof typeof DISCIPLINES;
export const DISCIPLINE_KEYS = Object.keys(DISCIPLINES) as Discipline[];

/** Skills are free tags; these are offered first and used by the demo. */
export const SUGGESTED_SKILLS = [
  "software development",
  "design",
  "data visualization",
  "research",
  "policy analysis",
  "storytelling",
  "organizing",
  "campaign design",
  "curriculum and training",
  "security training",
  "localization",
] as const;

export const LANGUAGES = [
  "Arabic",
  "Bengali",
  "Chinese",
  "English",
  "French",
  "German",
  "Hindi",
  "Indonesian",
  "Italian",
  "Japanese",
  "Korean",
  "Polish",
  "Portuguese",
  "Russian",
  "Spanish",
  "Swahili",
  "Turkish",
  "Yoruba",
] as const;

export const REGIONS = [
  "Sub-Saharan Africa",
  "Middle East & North Africa",
  "Europe",
  "North America",
  "Latin America & Caribbean",
  "South Asia",
  "East & Southeast Asia",
  "Oceania",
] as const;
export type Region = (typeof REGIONS)[number];

export const VISIBILITIES = {
  public: "Anyone, also people who are not signed in",
  network: "People in the program: partners, reviewers, fellows, allies and staff",
  staff: "Program staff only",
} as const;
export type Visibility = keyof typeof VISIBILITIES;
export const VISIBILITY_KEYS = Object.keys(VISIBILITIES) as Visibility[];

/** A skill as stored and matched: lower case, single spaces. */
export function normaliseSkill(skill: string): string {
  return skill.trim().toLowerCase().replace(/\s+/g, " ");
}
