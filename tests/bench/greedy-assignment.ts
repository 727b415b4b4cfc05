/**
 * The greedy assignment the portal used before issue 12, kept verbatim (but for its types) as the
 * baseline of `npm run bench:assign`: greedy rounds by lowest load, then augmenting paths to maximum
 * coverage, then single moves between reviewers two apart in load. Not used by the app.
 */
import type { AssignmentInput, ReviewerApplicationPair } from "~/review/assignment";

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

export interface AssignmentResult {
  /** Sorted by application id, then reviewer id. */
  added: ReviewerApplicationPair[];
  /** Every application left with fewer than `k` reviewers, sorted by id. */
  uncovered: UncoveredApplication[];
}

/**
 * Adds the maximum possible number of assignments under the hard rules. Load means existing plus
 * added assignments. Balance guarantee: afterwards there is no reviewer `r1` holding an added
 * assignment to application `a`, and reviewer `r2`, such that `load(r1) >= load(r2) + 2`,
 * `load(r2) < capacity(r2)`, and `r2` is neither in conflict with `a` nor already on it. So loads
 * differ by at most one unless capacity, conflicts, or existing assignments prevent it.
 *
 * Re-running with `existing` extended by `added` adds nothing. Throws a RangeError on duplicate ids or
 * on a `k` or capacity that is not a non-negative integer.
 */
export function assignGreedily(input: AssignmentInput): AssignmentResult {
  const state = new AssignmentState(input);
  fillGreedily(state);
  new AugmentingPathSearch(state).fillEveryGap();
  balanceLoads(state);
  return report(state);
}

class AssignmentState {
  readonly k: number;
  readonly applicationIds: string[];
  readonly reviewerIds: string[];
  readonly capacity: number[];
  readonly load: number[];
  /** Per application: distinct reviewers on it, existing and added. */
  readonly assignedCount: number[];
  /** Per application: reviewers it may never get, because they are in conflict or already on it. */
  readonly unavailable: Set<number>[];
  readonly addedReviewers: number[][];
  readonly addedApplications: Set<number>[];
  private readonly applicationTopics: string[][];
  private readonly reviewerTopics: Set<string>[];
  private readonly reviewersByTopic = new Map<string, number[]>();
  /** Scratch space of {@link eligibleReviewers} and {@link overlapsWith}, reused to spare allocations. */
  private readonly excludedIn: Int32Array;
  private readonly overlapScratch: Int32Array;
  private scanId = 0;

  constructor(input: AssignmentInput) {
    if (!Number.isInteger(input.k) || input.k < 0) throw new RangeError(`k must be a non-negative integer`);
    this.k = input.k;
    const applications = sortedById(input.applications, "application");
    const reviewers = sortedById(input.reviewers, "reviewer");
    this.applicationIds = applications.map((application) => application.id);
    this.reviewerIds = reviewers.map((reviewer) => reviewer.id);
    this.applicationTopics = applications.map((application) => [...new Set(application.tags)]);
    this.reviewerTopics = reviewers.map((reviewer) => new Set(reviewer.expertise));
    this.reviewerTopics.forEach((topics, r) => {
      for (const topic of topics) {
        const experts = this.reviewersByTopic.get(topic);
        if (experts) experts.push(r);
        else this.reviewersByTopic.set(topic, [r]);
      }
    });
    this.excludedIn = new Int32Array(reviewers.length);
    this.overlapScratch = new Int32Array(reviewers.length);
    this.capacity = reviewers.map((reviewer) => {
      if (!Number.isInteger(reviewer.capacity) || reviewer.capacity < 0) {
        throw new RangeError(`Capacity of reviewer ${reviewer.id} must be a non-negative integer`);
      }
      return reviewer.capacity;
    });

    const applicationIndex = new Map(this.applicationIds.map((id, index) => [id, index]));
    const reviewerIndex = new Map(this.reviewerIds.map((id, index) => [id, index]));
    this.unavailable = applications.map(() => new Set());
    for (const { reviewerId, applicationId } of input.conflicts) {
      const a = applicationIndex.get(applicationId);
      const r = reviewerIndex.get(reviewerId);
      if (a !== undefined && r !== undefined) this.unavailable[a]!.add(r);
    }

    const reviewersOn = applications.map(() => new Set<string>());
    const applicationsOf = reviewers.map(() => new Set<string>());
    for (const { reviewerId, applicationId } of input.existing) {
      const a = applicationIndex.get(applicationId);
      const r = reviewerIndex.get(reviewerId);
      if (a !== undefined) reviewersOn[a]!.add(reviewerId);
      if (r !== undefined) applicationsOf[r]!.add(applicationId);
      if (a !== undefined && r !== undefined) this.unavailable[a]!.add(r);
    }
    this.assignedCount = reviewersOn.map((ids) => ids.size);
    this.load = applicationsOf.map((ids) => ids.size);
    this.addedReviewers = applications.map(() => []);
    this.addedApplications = reviewers.map(() => new Set());
  }

  get applicationCount(): number {
    return this.applicationIds.length;
  }

  get reviewerCount(): number {
    return this.reviewerIds.length;
  }

  hasSpareCapacity(r: number): boolean {
    return this.load[r]! < this.capacity[r]!;
  }

  canReview(a: number, r: number): boolean {
    return !this.unavailable[a]!.has(r) && !this.addedApplications[r]!.has(a);
  }

  /** Listed reviewers neither in conflict with `a` nor on it, whatever their load, in index order. */
  eligibleReviewers(a: number): number[] {
    const id = ++this.scanId;
    for (const r of this.unavailable[a]!) this.excludedIn[r] = id;
    for (const r of this.addedReviewers[a]!) this.excludedIn[r] = id;
    const eligible: number[] = [];
    for (let r = 0; r < this.reviewerCount; r++) if (this.excludedIn[r] !== id) eligible.push(r);
    return eligible;
  }

  /** Overlap of `a` with every reviewer, by index; overwritten by the next call. */
  overlapsWith(a: number): Int32Array {
    this.overlapScratch.fill(0);
    for (const topic of this.applicationTopics[a]!) {
      for (const r of this.reviewersByTopic.get(topic) ?? []) this.overlapScratch[r]!++;
    }
    return this.overlapScratch;
  }

  overlap(a: number, r: number): number {
    const expertise = this.reviewerTopics[r]!;
    let shared = 0;
    for (const topic of this.applicationTopics[a]!) if (expertise.has(topic)) shared++;
    return shared;
  }

  add(a: number, r: number): void {
    this.addedReviewers[a]!.push(r);
    this.addedApplications[r]!.add(a);
    this.assignedCount[a]!++;
    this.load[r]!++;
  }

  remove(a: number, r: number): void {
    const reviewers = this.addedReviewers[a]!;
    reviewers.splice(reviewers.indexOf(r), 1);
    this.addedApplications[r]!.delete(a);
    this.assignedCount[a]!--;
    this.load[r]!--;
  }
}

function sortedById<T extends { id: string }>(items: T[], kind: string): T[] {
  const sorted = [...items].sort((x, y) => compareIds(x.id, y.id));
  sorted.forEach((item, index) => {
    if (index > 0 && sorted[index - 1]!.id === item.id) throw new RangeError(`Duplicate ${kind} id ${item.id}`);
  });
  return sorted;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Round `j` gives one more reviewer to every application still below `j`, so that when capacity is
 * scarce it is spread over many applications rather than spent on the first ones in id order.
 */
function fillGreedily(state: AssignmentState): void {
  const stuck = new Uint8Array(state.applicationCount);
  for (let round = 1; round <= state.k; round++) {
    for (let a = 0; a < state.applicationCount; a++) {
      if (stuck[a] || state.assignedCount[a]! >= round) continue;
      const r = preferredReviewer(state, a);
      // Loads only grow, so an application with no candidate now will have none in later rounds.
      if (r === undefined) stuck[a] = 1;
      else state.add(a, r);
    }
  }
}

/** The reviewer with spare capacity who may take `a` and has the lowest load, then most overlap, then lowest index. */
function preferredReviewer(state: AssignmentState, a: number): number | undefined {
  let best: number | undefined;
  let bestLoad = Infinity;
  let bestOverlap = -1;
  const overlaps = state.overlapsWith(a);
  for (const r of state.eligibleReviewers(a)) {
    const load = state.load[r]!;
    if (load > bestLoad || !state.hasSpareCapacity(r)) continue;
    const overlap = overlaps[r]!;
    if (load < bestLoad || overlap > bestOverlap) {
      best = r;
      bestLoad = load;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Makes the added total maximum: an application below `k` takes a full reviewer, who hands one of
 * their added applications to another reviewer, and so on until a reviewer with spare capacity
 * closes the chain (an augmenting path in the flow network source → application → reviewer → sink).
 *
 * Nodes a failed search reached can never reach spare capacity later: augmenting elsewhere cannot
 * open a way out of a set of nodes that has none. So they are marked dead for good, which bounds the
 * total cost of failed searches by the size of the graph, and one pass over applications suffices.
 */
class AugmentingPathSearch {
  private readonly deadApplications: Uint8Array;
  private readonly deadReviewers: Uint8Array;
  private readonly applicationSeen: Int32Array;
  private readonly reviewerSeen: Int32Array;
  /** The application a reviewer was reached from, i.e. the one it would take. */
  private readonly reachedFrom: Int32Array;
  /** The reviewer an application was reached through, i.e. the one that would hand it on. */
  private readonly handedOnBy: Int32Array;
  private searchId = 0;

  constructor(private readonly state: AssignmentState) {
    this.deadApplications = new Uint8Array(state.applicationCount);
    this.deadReviewers = new Uint8Array(state.reviewerCount);
    this.applicationSeen = new Int32Array(state.applicationCount);
    this.reviewerSeen = new Int32Array(state.reviewerCount);
    this.reachedFrom = new Int32Array(state.reviewerCount);
    this.handedOnBy = new Int32Array(state.applicationCount);
  }

  fillEveryGap(): void {
    const { state } = this;
    for (let a = 0; a < state.applicationCount; a++) {
      while (state.assignedCount[a]! < state.k && !this.deadApplications[a] && this.augmentFrom(a));
    }
  }

  private augmentFrom(start: number): boolean {
    const { state } = this;
    const id = ++this.searchId;
    const queue = [start];
    this.applicationSeen[start] = id;
    for (let head = 0; head < queue.length; head++) {
      const a = queue[head]!;
      for (const r of state.eligibleReviewers(a)) {
        if (this.reviewerSeen[r] === id || this.deadReviewers[r]) continue;
        this.reviewerSeen[r] = id;
        this.reachedFrom[r] = a;
        if (state.hasSpareCapacity(r)) {
          this.shiftAlongPath(start, r);
          return true;
        }
        for (const next of state.addedApplications[r]!) {
          if (this.applicationSeen[next] === id || this.deadApplications[next]) continue;
          this.applicationSeen[next] = id;
          this.handedOnBy[next] = r;
          queue.push(next);
        }
      }
    }
    this.markDead(id, queue);
    return false;
  }

  private shiftAlongPath(start: number, end: number): void {
    let r = end;
    for (;;) {
      const a = this.reachedFrom[r]!;
      this.state.add(a, r);
      if (a === start) return;
      r = this.handedOnBy[a]!;
      this.state.remove(a, r);
    }
  }

  private markDead(id: number, reachedApplications: number[]): void {
    for (const a of reachedApplications) this.deadApplications[a] = 1;
    this.reviewerSeen.forEach((seen, r) => {
      if (seen === id) this.deadReviewers[r] = 1;
    });
  }
}

/**
 * Moves added assignments from heavy to light reviewers until the balance guarantee holds. Each move
 * lowers the sum of squared loads by at least 2, so this ends; coverage is untouched by moves.
 */
function balanceLoads(state: AssignmentState): void {
  const byLoad = state.reviewerIds.map((_, r) => r);
  do byLoad.sort((x, y) => state.load[x]! - state.load[y]! || x - y);
  while (moveOneAssignment(state, byLoad));
}

function moveOneAssignment(state: AssignmentState, byLoad: number[]): boolean {
  for (let low = 0; low < byLoad.length; low++) {
    const to = byLoad[low]!;
    if (!state.hasSpareCapacity(to)) continue;
    for (let high = byLoad.length - 1; high > low; high--) {
      const from = byLoad[high]!;
      if (state.load[from]! < state.load[to]! + 2) break;
      const a = bestApplicationToMove(state, from, to);
      if (a !== undefined) {
        state.remove(a, from);
        state.add(a, to);
        return true;
      }
    }
  }
  return false;
}

/** Among `from`'s added applications that `to` may take, the one gaining the most expertise overlap. */
function bestApplicationToMove(state: AssignmentState, from: number, to: number): number | undefined {
  let best: number | undefined;
  let bestGain = -Infinity;
  for (const a of state.addedApplications[from]!) {
    if (!state.canReview(a, to)) continue;
    const gain = state.overlap(a, to) - state.overlap(a, from);
    if (gain > bestGain || (gain === bestGain && a < best!)) {
      best = a;
      bestGain = gain;
    }
  }
  return best;
}

function report(state: AssignmentState): AssignmentResult {
  const added: ReviewerApplicationPair[] = [];
  const uncovered: UncoveredApplication[] = [];
  state.applicationIds.forEach((applicationId, a) => {
    for (const r of [...state.addedReviewers[a]!].sort((x, y) => x - y)) {
      added.push({ reviewerId: state.reviewerIds[r]!, applicationId });
    }
    const assigned = state.assignedCount[a]!;
    if (assigned >= state.k) return;
    // Existing reviewers are counted in `assigned`; every listed reviewer not unavailable could join.
    const possible = assigned - state.addedReviewers[a]!.length + state.reviewerCount - state.unavailable[a]!.size;
    const reason = possible < state.k ? "not-enough-eligible-reviewers" : "reviewers-at-capacity";
    uncovered.push({ applicationId, assigned, needed: state.k, reason });
  });
  return { added, uncovered };
}
