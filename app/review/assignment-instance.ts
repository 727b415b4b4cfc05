/**
 * The assignment round as dense arrays over sorted indices, shared by the solver's phases. Built once
 * from {@link AssignmentInput}; nothing here changes afterwards.
 */

export interface ReviewerApplicationPair {
  reviewerId: string;
  applicationId: string;
}

/** An extra cost for one pair, e.g. from a reviewer's bid: negative means preferred. A whole number. */
export interface PairPreference extends ReviewerApplicationPair {
  cost: number;
}

export interface AssignmentInput {
  applications: { id: string; tags: string[] }[];
  /** `capacity` is the most assignments the reviewer may hold this cycle, existing ones included. */
  reviewers: { id: string; capacity: number; expertise: string[] }[];
  /** Pairs never to assign: declared or detected conflicts, and recusals. */
  conflicts: ReviewerApplicationPair[];
  /**
   * Active assignments, kept as they are even if in conflict or over capacity. They count toward the
   * application's coverage (even if the reviewer is not listed) and the reviewer's load (even if the
   * application is not listed, as it still takes the reviewer's time).
   */
  existing: ReviewerApplicationPair[];
  /** Reviewers wanted per application. */
  k: number;
  /** Optional per-pair costs added to the expertise term (bids later); pairs not listed cost 0. */
  preferences?: PairPreference[];
}

/** Pair costs are small whole numbers so that the lexicographic weights stay exact in a double. */
export const MAX_PAIR_COST = 20;

export interface Instance {
  k: number;
  applicationIds: string[];
  reviewerIds: string[];
  /** Distinct reviewers already on each application (existing assignments). */
  existingCount: Int32Array;
  /** Reviewers still wanted: max(0, k − existingCount). */
  need: Int32Array;
  capacity: Int32Array;
  /** Existing load of each reviewer, counting applications not listed. */
  baseLoad: Int32Array;
  /** Row-major [application × reviewer]: 1 when the pair may be added (no conflict, not existing). */
  eligible: Uint8Array;
  /** Row-major [application × reviewer]: −(shared tags) + preference cost; meaningful where eligible. */
  pairCost: Int32Array;
  /** Per application, how many listed reviewers are neither in conflict with it nor on it. */
  eligibleCount: Int32Array;
  minCost: number;
  maxCost: number;
}

export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortedById<T extends { id: string }>(items: T[], kind: string): T[] {
  const sorted = [...items].sort((x, y) => compareIds(x.id, y.id));
  sorted.forEach((item, index) => {
    if (index > 0 && sorted[index - 1]!.id === item.id) throw new RangeError(`Duplicate ${kind} id ${item.id}`);
  });
  return sorted;
}

/** Expertise overlap: tags of the application that the reviewer lists, each counted once. */
export function sharedTags(tags: readonly string[], expertise: readonly string[]): number {
  const known = new Set(expertise);
  return new Set(tags.filter((tag) => known.has(tag))).size;
}

export function buildInstance(input: AssignmentInput): Instance {
  if (!Number.isInteger(input.k) || input.k < 0) throw new RangeError(`k must be a non-negative integer`);
  const applications = sortedById(input.applications, "application");
  const reviewers = sortedById(input.reviewers, "reviewer");
  for (const reviewer of reviewers) {
    if (!Number.isInteger(reviewer.capacity) || reviewer.capacity < 0) {
      throw new RangeError(`Capacity of reviewer ${reviewer.id} must be a non-negative integer`);
    }
  }
  const nA = applications.length;
  const nR = reviewers.length;
  const applicationIndex = new Map(applications.map((application, index) => [application.id, index]));
  const reviewerIndex = new Map(reviewers.map((reviewer, index) => [reviewer.id, index]));

  const eligible = new Uint8Array(nA * nR).fill(1);
  for (const { reviewerId, applicationId } of input.conflicts) {
    const a = applicationIndex.get(applicationId);
    const r = reviewerIndex.get(reviewerId);
    if (a !== undefined && r !== undefined) eligible[a * nR + r] = 0;
  }
  const reviewersOn = applications.map(() => new Set<string>());
  const applicationsOf = reviewers.map(() => new Set<string>());
  for (const { reviewerId, applicationId } of input.existing) {
    const a = applicationIndex.get(applicationId);
    const r = reviewerIndex.get(reviewerId);
    if (a !== undefined) reviewersOn[a]!.add(reviewerId);
    if (r !== undefined) applicationsOf[r]!.add(applicationId);
    if (a !== undefined && r !== undefined) eligible[a * nR + r] = 0;
  }

  const pairCost = new Int32Array(nA * nR);
  const reviewersByTopic = new Map<string, number[]>();
  reviewers.forEach((reviewer, r) => {
    for (const topic of new Set(reviewer.expertise)) {
      const experts = reviewersByTopic.get(topic);
      if (experts) experts.push(r);
      else reviewersByTopic.set(topic, [r]);
    }
  });
  applications.forEach((application, a) => {
    for (const topic of new Set(application.tags)) {
      for (const r of reviewersByTopic.get(topic) ?? []) pairCost[a * nR + r]!--;
    }
  });
  for (const { reviewerId, applicationId, cost } of input.preferences ?? []) {
    if (!Number.isInteger(cost) || Math.abs(cost) > MAX_PAIR_COST) {
      throw new RangeError(
        `Preference cost of ${reviewerId} for ${applicationId} must be a whole number within ±${MAX_PAIR_COST}`,
      );
    }
    const a = applicationIndex.get(applicationId);
    const r = reviewerIndex.get(reviewerId);
    if (a !== undefined && r !== undefined) pairCost[a * nR + r] = pairCost[a * nR + r]! + cost;
  }

  const existingCount = Int32Array.from(reviewersOn, (ids) => ids.size);
  const eligibleCount = new Int32Array(nA);
  let minCost = 0;
  let maxCost = 0;
  let first = true;
  for (let a = 0; a < nA; a++) {
    for (let r = 0; r < nR; r++) {
      if (!eligible[a * nR + r]) continue;
      eligibleCount[a]!++;
      const cost = pairCost[a * nR + r]!;
      if (first || cost < minCost) minCost = cost;
      if (first || cost > maxCost) maxCost = cost;
      first = false;
    }
  }
  return {
    k: input.k,
    applicationIds: applications.map((application) => application.id),
    reviewerIds: reviewers.map((reviewer) => reviewer.id),
    existingCount,
    need: Int32Array.from(existingCount, (count) => Math.max(0, input.k - count)),
    capacity: Int32Array.from(reviewers, (reviewer) => reviewer.capacity),
    baseLoad: Int32Array.from(applicationsOf, (ids) => ids.size),
    eligible,
    pairCost,
    eligibleCount,
    minCost,
    maxCost,
  };
}
