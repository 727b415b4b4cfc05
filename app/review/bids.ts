import type { MessageKey } from "~/i18n/message";
import type { PairPreference, ReviewerApplicationPair } from "./assignment-instance";

/** A reviewer's bid on an application before assignment. */
export const BIDS = ["eager", "willing", "not_willing", "conflict"] as const;
export type Bid = (typeof BIDS)[number];

export const BID_KEYS: Record<Bid, MessageKey> = {
  eager: "reviewBids.bids.eager",
  willing: "reviewBids.bids.willing",
  not_willing: "reviewBids.bids.not_willing",
  conflict: "reviewBids.bids.conflict",
};

/**
 * What a bid costs the assignment, beside −1 per shared expertise tag: eager is worth more than three
 * shared tags, not willing outweighs any usual overlap. Balance and coverage still come first
 * (assignment.ts), so a bid moves who reviews what, never how many reviews anyone gets.
 */
export const BID_COSTS: Record<Exclude<Bid, "conflict">, number> = { eager: -4, willing: 0, not_willing: 8 };

/** Bids as the pure assignment reads them: costs per pair, and conflict bids as hard conflicts. */
export function bidsToAssignmentTerms(bids: readonly (ReviewerApplicationPair & { bid: Bid })[]): {
  preferences: PairPreference[];
  conflicts: ReviewerApplicationPair[];
} {
  const preferences: PairPreference[] = [];
  const conflicts: ReviewerApplicationPair[] = [];
  for (const { reviewerId, applicationId, bid } of bids) {
    if (bid === "conflict") conflicts.push({ reviewerId, applicationId });
    else if (BID_COSTS[bid] !== 0) preferences.push({ reviewerId, applicationId, cost: BID_COSTS[bid] });
  }
  return { preferences, conflicts };
}
