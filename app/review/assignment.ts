/**
 * Automatic reviewer assignment for a selection round: fills the gap between the reviewers each
 * application has and the `k` it needs. Pure and deterministic, so staff can re-run it safely.
 *
 * Hard rules: never a conflicted pair, never the same reviewer twice on an application, never a
 * reviewer past capacity (existing assignments included); existing assignments are kept untouched,
 * so re-running fills gaps only. Within them, strictly in this order:
 * 1. the most applications reaching `k` (shortfall policy in assignment-coverage.ts), then the most
 *    assignments in all (a maximum flow: spare reviewers still go to applications left short);
 * 2. the most balanced loads: the least Σ load², existing assignments counted;
 * 3. the most expertise overlap (tags the reviewer lists), plus any per-pair preference costs.
 * 2 and 3 are solved exactly as one min-cost flow (assignment-flow.ts), with a certificate that
 * {@link checkAssignment} verifies independently: a minimum cut for the total, dual prices for the rest.
 *
 * The result depends only on the sets given: ids are sorted (by UTF-16 code unit, not locale) before
 * any decision, and duplicated tags, conflicts or existing pairs count once.
 */
import { decideCoverage, everyoneCompletes, type CoverageDecision } from "./assignment-coverage";
import { balanceAndMatch, InfeasibleSupplyError, type CostFlowResult } from "./assignment-flow";
import {
  buildInstance,
  sharedTags,
  type AssignmentInput,
  type Instance,
  type ReviewerApplicationPair,
} from "./assignment-instance";

export type { AssignmentInput, PairPreference, ReviewerApplicationPair } from "./assignment-instance";

/**
 * - `not-enough-eligible-reviewers`: fewer than `k` reviewers exist who are already on the application
 *   or could be (listed and not in conflict with it); no capacity would help.
 * - `reviewers-at-capacity`: enough such reviewers exist, but every one not already on the
 *   application is at (or over) capacity, given that the total added is the maximum possible.
 */
export type UncoveredReason = "not-enough-eligible-reviewers" | "reviewers-at-capacity";

export interface UncoveredApplication {
  applicationId: string;
  /** Distinct reviewers on it after this run: existing plus added. */
  assigned: number;
  /** Reviewers wanted: `k`. */
  needed: number;
  reason: UncoveredReason;
}

export interface AssignmentCertificate {
  coverage: {
    /** Applications with k reviewers after this run, those already there included. */
    reachedK: number;
    /** No assignment can bring more applications to k than this. */
    upperBound: number;
    gap: number;
    /** Whether a gap was closed (or confirmed) by trying every set of applications. */
    searchedExhaustively: boolean;
  };
  /** A cut of the network whose capacity equals the number added, so no more could be added. */
  maximumFlow: { added: number; cutApplications: string[]; cutReviewers: string[] };
  objective: {
    /** W in W·Σ load² + Σ pair cost; above (added × pair-cost range), so balance comes first. */
    loadWeight: number;
    sumSquaredLoads: number;
    expertiseOverlap: number;
    /** Σ over added pairs of (preference cost − shared tags). */
    pairCost: number;
  };
  /** Dual prices (node potentials) under which no residual arc has a negative reduced cost. */
  prices: {
    sink: number;
    /** The node supplying the applications that reach k, and the one supplying those left short. */
    completion: number;
    shortfall: number;
    reviewers: Record<string, number>;
    applications: Record<string, number>;
  };
}

export interface AssignmentResult {
  /** Sorted by application id, then reviewer id. */
  added: ReviewerApplicationPair[];
  /** Every application left with fewer than `k` reviewers, sorted by id. */
  uncovered: UncoveredApplication[];
  certificate: AssignmentCertificate;
}

/** Throws a RangeError on duplicate ids, on a `k` or capacity that is not a non-negative integer, or a bad preference. */
export function assignReviewers(input: AssignmentInput): AssignmentResult {
  const instance = buildInstance(input);
  const { coverage, solved } = solve(instance);
  const { applicationIds, reviewerIds } = instance;
  const nR = reviewerIds.length;

  const added: ReviewerApplicationPair[] = [];
  const uncovered: UncoveredApplication[] = [];
  const load = Array.from(instance.baseLoad);
  let pairCost = 0;
  let overlap = 0;
  solved.added.forEach((reviewers, a) => {
    for (const r of reviewers) {
      added.push({ applicationId: applicationIds[a]!, reviewerId: reviewerIds[r]! });
      load[r]!++;
      pairCost += instance.pairCost[a * nR + r]!;
    }
    const assigned = instance.existingCount[a]! + reviewers.length;
    if (assigned < instance.k) uncovered.push(uncoveredEntry(instance, a, assigned));
  });
  const tagsOf = new Map(input.applications.map((application) => [application.id, application.tags]));
  const expertiseOf = new Map(input.reviewers.map((reviewer) => [reviewer.id, reviewer.expertise]));
  for (const pair of added) overlap += sharedTags(tagsOf.get(pair.applicationId)!, expertiseOf.get(pair.reviewerId)!);

  const reviewers: Record<string, number> = {};
  solved.reviewerPrices.forEach((price, r) => (reviewers[reviewerIds[r]!] = price));
  const applications: Record<string, number> = {};
  solved.applicationPrices.forEach((price, a) => {
    if (price !== null) applications[applicationIds[a]!] = price;
  });
  return {
    added,
    uncovered,
    certificate: {
      coverage: {
        reachedK: applicationIds.length - uncovered.length,
        upperBound: coverage.upperBound,
        gap: coverage.upperBound - (applicationIds.length - uncovered.length),
        searchedExhaustively: coverage.searchedExhaustively,
      },
      maximumFlow: {
        added: added.length,
        cutApplications: coverage.cutApplications.map((a) => applicationIds[a]!),
        cutReviewers: coverage.cutReviewers.map((r) => reviewerIds[r]!),
      },
      objective: {
        loadWeight: solved.loadWeight,
        sumSquaredLoads: load.reduce((sum, value) => sum + value * value, 0),
        expertiseOverlap: overlap,
        pairCost,
      },
      prices: {
        sink: solved.sinkPrice,
        completion: solved.supplyPrices[0],
        shortfall: solved.supplyPrices[1],
        reviewers,
        applications,
      },
    },
  };
}

function solve(instance: Instance): { coverage: CoverageDecision; solved: CostFlowResult } {
  const hopeful = everyoneCompletes(instance);
  if (hopeful) {
    try {
      return { coverage: hopeful, solved: balanceAndMatch(instance, hopeful.completes, hopeful.total) };
    } catch (error) {
      if (!(error instanceof InfeasibleSupplyError)) throw error;
    }
  }
  const coverage = decideCoverage(instance);
  return { coverage, solved: balanceAndMatch(instance, coverage.completes, coverage.total) };
}

function uncoveredEntry(instance: Instance, a: number, assigned: number): UncoveredApplication {
  // Existing reviewers are counted in `existingCount`; every eligible listed reviewer could join.
  const possible = instance.existingCount[a]! + instance.eligibleCount[a]!;
  return {
    applicationId: instance.applicationIds[a]!,
    assigned,
    needed: instance.k,
    reason: possible < instance.k ? "not-enough-eligible-reviewers" : "reviewers-at-capacity",
  };
}
