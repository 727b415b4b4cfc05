import { z } from "zod";
import { msg, type MessageKey } from "~/i18n/message";

export const PREFER_NOT_TO_SAY = "Prefer not to say";

/** Optional, self-described; each question can be skipped or answered "prefer not to say". */
export const DEMOGRAPHIC_QUESTIONS = {
  region: {
    label: "Where are you based?",
    options: [
      "Sub-Saharan Africa",
      "Middle East and North Africa",
      "Asia",
      "Europe",
      "North America",
      "Latin America and the Caribbean",
      "Oceania",
      PREFER_NOT_TO_SAY,
    ],
  },
  gender: {
    label: "How do you describe your gender?",
    options: ["Woman", "Man", "Non-binary", "Another identity", PREFER_NOT_TO_SAY],
  },
  firstGeneration: {
    label: "Are you the first in your family to attend university?",
    options: ["Yes", "No", "Did not attend university", PREFER_NOT_TO_SAY],
  },
  disability: { label: "Do you identify as a disabled person?", options: ["Yes", "No", PREFER_NOT_TO_SAY] },
  careerStage: {
    label: "Where are you in your career?",
    options: ["Student", "Early career", "Mid career", "Senior", PREFER_NOT_TO_SAY],
  },
} as const;

export type DemographicField = keyof typeof DEMOGRAPHIC_QUESTIONS;

/** What the applicant reads for each question and option (the stored values stay the English options). */
export const DEMOGRAPHIC_LABEL_KEYS: Record<DemographicField, MessageKey> = {
  region: "aboutYou.questions.region",
  gender: "aboutYou.questions.gender",
  firstGeneration: "aboutYou.questions.firstGeneration",
  disability: "aboutYou.questions.disability",
  careerStage: "aboutYou.questions.careerStage",
};

export const DEMOGRAPHIC_OPTION_KEYS: Record<string, MessageKey> = {
  "Sub-Saharan Africa": "aboutYou.options.subSaharanAfrica",
  "Middle East and North Africa": "aboutYou.options.mena",
  Asia: "aboutYou.options.asia",
  Europe: "aboutYou.options.europe",
  "North America": "aboutYou.options.northAmerica",
  "Latin America and the Caribbean": "aboutYou.options.latinAmerica",
  Oceania: "aboutYou.options.oceania",
  [PREFER_NOT_TO_SAY]: "aboutYou.options.preferNotToSay",
  Woman: "aboutYou.options.woman",
  Man: "aboutYou.options.man",
  "Non-binary": "aboutYou.options.nonBinary",
  "Another identity": "aboutYou.options.anotherIdentity",
  Yes: "aboutYou.options.yes",
  No: "aboutYou.options.no",
  "Did not attend university": "aboutYou.options.noUniversity",
  Student: "aboutYou.options.student",
  "Early career": "aboutYou.options.earlyCareer",
  "Mid career": "aboutYou.options.midCareer",
  Senior: "aboutYou.options.senior",
};
export const DEMOGRAPHIC_FIELDS = Object.keys(DEMOGRAPHIC_QUESTIONS) as DemographicField[];

function optional(field: DemographicField) {
  const [first, ...rest] = DEMOGRAPHIC_QUESTIONS[field].options;
  return z.enum([first, ...rest], { error: msg("aboutYou.chooseOrBlank") }).optional();
}

export const DemographicsSchema = z.object({
  region: optional("region"),
  gender: optional("gender"),
  firstGeneration: optional("firstGeneration"),
  disability: optional("disability"),
  careerStage: optional("careerStage"),
  intent: z.literal("save-about-you", { error: msg("forms.errors.unknownAction") }),
});

/** Staff see a group's count only when at least this many people are in it. */
export const MIN_GROUP_SIZE = 5;
