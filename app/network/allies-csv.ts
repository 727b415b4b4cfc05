/** The columns of an ally CSV file, in order: what an import reads and an export writes. */
export const ALLY_CSV_COLUMNS = [
  "email",
  "name",
  "display_name",
  "headline",
  "bio",
  "disciplines",
  "skills",
  "languages",
  "country",
  "region",
  "timezone",
  "hours_per_month",
  "available_from",
  "available_until",
  "visibility",
  "consented_at",
] as const;
