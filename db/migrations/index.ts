import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_applications";
import * as m0003 from "./0003_organizations";
import * as m0004 from "./0004_review";
import * as m0005 from "./0005_matching";
import * as m0006 from "./0006_network";
import * as m0007 from "./0007_trust";
import * as m0008 from "./0008_reliability";
import * as m0013 from "./0013_interviews_fellowships";
import * as m0017 from "./0017_discussion_bids";
import * as m0018 from "./0018_scale";
import * as m0019 from "./0019_eligibility_conditions";
import * as m0020 from "./0020_integrations";
import * as m0021 from "./0021_import_consent";
import * as m0023 from "./0023_review_rounds";
import * as m0024 from "./0024_waitlisted";
import * as m0028 from "./0028_reference_letters";
import * as m0030 from "./0030_round_rankings";
import * as m0035 from "./0035_assignment_version";
import * as m0045 from "./0045_letter_of_intent";
import * as m0055 from "./0055_language_choice";
import * as m0056 from "./0056_referee_questions";
import * as m0063 from "./0063_email_language";
import * as m0064 from "./0064_content_translations";

/**
 * Migrations listed explicitly rather than read from the folder, so the same list works
 * under tsx, Vitest and any bundler. Add each new file here; never edit or reorder one
 * that has landed.
 */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_applications": m0002,
  "0003_organizations": m0003,
  "0004_review": m0004,
  "0005_matching": m0005,
  "0006_network": m0006,
  "0007_trust": m0007,
  "0008_reliability": m0008,
  "0013_interviews_fellowships": m0013,
  "0017_discussion_bids": m0017,
  "0018_scale": m0018,
  "0019_eligibility_conditions": m0019,
  "0020_integrations": m0020,
  "0021_import_consent": m0021,
  "0023_review_rounds": m0023,
  "0024_waitlisted": m0024,
  "0028_reference_letters": m0028,
  "0030_round_rankings": m0030,
  "0035_assignment_version": m0035,
  "0045_letter_of_intent": m0045,
  "0055_language_choice": m0055,
  "0056_referee_questions": m0056,
  "0063_email_language": m0063,
  "0064_content_translations": m0064,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
