import { z } from "zod";

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
export const DEMOGRAPHIC_FIELDS = Object.keys(DEMOGRAPHIC_QUESTIONS) as DemographicField[];

function optional(field: DemographicField) {
  const [first, ...rest] = DEMOGRAPHIC_QUESTIONS[field].options;
  return z.enum([first, ...rest], { error: "Choose one of the options, or leave it blank" }).optional();
}

export const DemographicsSchema = z.object({
  region: optional("region"),
  gender: optional("gender"),
  firstGeneration: optional("firstGeneration"),
  disability: optional("disability"),
  careerStage: optional("careerStage"),
  intent: z.literal("save-about-you", { error: "That form action is not known." }),
});

/** Staff see a group's count only when at least this many people are in it. */
export const MIN_GROUP_SIZE = 5;
