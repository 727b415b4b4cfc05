/**
 * How well an ally fits a campaign: pure arithmetic over what the profile and the campaign say,
 * so it can be tested and explained. Scores are 0–100; every point comes with a reason.
 */
import { msg } from "~/i18n/message";
import { offsetMinutes } from "~/utils/timezones";

export interface FitNeed {
  id: string;
  kind: "discipline" | "skill";
  value: string;
  /** Places still open: quantity less those accepted or proposed. */
  open: number;
}

export interface FitAlly {
  disciplines: string[];
  skills: string[];
  languages: string[];
  timezone: string;
  hoursPerMonth: number;
  availableFrom: string | null;
  availableUntil: string | null;
}

export interface FitCampaign {
  startsOn: string;
  endsOn: string;
  languages: string[];
  timezone: string;
}

export interface Fit {
  score: number;
  matchedNeeds: FitNeed[];
  reasons: string[];
  overlapHours: number;
  coverage: number;
}

const DAY = 86_400_000;
const WORKDAY_HOURS = 8;

/** Hours of a 9-to-5 working day two time zones share (0–8), at the campaign's start. */
export function workdayOverlapHours(zoneA: string, zoneB: string, at: Date): number {
  const difference = Math.abs(offsetMinutes(at.getTime(), zoneA) - offsetMinutes(at.getTime(), zoneB)) / 60;
  const apart = Math.min(difference, 24 - difference);
  return Math.max(0, WORKDAY_HOURS - apart);
}

/** The share (0–1) of the campaign's days inside the ally's availability window. */
export function availabilityCoverage(ally: FitAlly, campaign: FitCampaign): number {
  if (ally.hoursPerMonth <= 0) return 0;
  const start = Date.parse(campaign.startsOn);
  const end = Date.parse(campaign.endsOn);
  const from = Math.max(start, ally.availableFrom ? Date.parse(ally.availableFrom) : start);
  const until = Math.min(end, ally.availableUntil ? Date.parse(ally.availableUntil) : end);
  if (until < from) return 0;
  return (until - from + DAY) / (end - start + DAY);
}

export function needMatches(
  need: Pick<FitNeed, "kind" | "value">,
  ally: Pick<FitAlly, "disciplines" | "skills">,
): boolean {
  return need.kind === "skill" ? ally.skills.includes(need.value) : ally.disciplines.includes(need.value);
}

export function scoreFit(ally: FitAlly, campaign: FitCampaign, needs: FitNeed[]): Fit {
  const reasons: string[] = [];
  const matchedNeeds = needs.filter((need) => need.open > 0 && needMatches(need, ally));
  let score = matchedNeeds.length ? Math.min(55, 40 + 15 * (matchedNeeds.length - 1)) : 0;
  if (matchedNeeds.length)
    reasons.push(msg("staff.suggestions.fits", { needs: matchedNeeds.map((need) => need.value).join(", ") }));

  const sharedLanguages = campaign.languages.filter((language) => ally.languages.includes(language));
  if (campaign.languages.length === 0) score += 10;
  else if (sharedLanguages.length) {
    score += 15;
    reasons.push(msg("staff.suggestions.speaks", { languages: sharedLanguages.join(", ") }));
  }

  const overlapHours = workdayOverlapHours(ally.timezone, campaign.timezone, new Date(campaign.startsOn));
  score += Math.round((15 * overlapHours) / WORKDAY_HOURS);
  reasons.push(msg("staff.suggestions.overlap", { count: overlapHours, timezone: campaign.timezone }));

  const coverage = availabilityCoverage(ally, campaign);
  score += Math.round(10 * coverage + 5 * Math.min(1, ally.hoursPerMonth / 20));
  reasons.push(
    coverage === 0
      ? msg("staff.suggestions.unavailable")
      : msg("staff.suggestions.available", { percent: Math.round(coverage * 100), hours: ally.hoursPerMonth }),
  );
  return { score: Math.min(100, score), matchedNeeds, reasons, overlapHours, coverage };
}
