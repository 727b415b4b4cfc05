/**
 * Phase 1 of the assignment: which applications reach `k`, and how many assignments can be added at
 * all. Works on the flow network source → application (capacity: reviewers still wanted) → reviewer
 * (capacity 1 per eligible pair) → sink (capacity: spare capacity), with augmenting paths (BFS).
 *
 * Shortfall policy. Making the most applications reach `k` is NP-hard in general (with k = 3 and
 * reviewers of capacity 1 it is 3-set packing), so it is decided in a fixed priority order: fewest
 * reviewers still wanted, then fewest eligible reviewers, then id. An application is completed
 * unless that cannot be done together with those before it. The count is then compared with an
 * upper bound (from the maximum flow); when they differ and the round is small, an exhaustive
 * search finds the largest set, preferring earlier applications on ties. Finally every spare
 * reviewer goes to the applications left short, as far as possible (a maximum flow): a partial
 * panel is still worth more than none, and augmenting never takes a reviewer from a completed one.
 */
import type { Instance } from "./assignment-instance";

/** Rounds with at most this many applications still wanting reviewers are searched exhaustively on a gap. */
export const EXHAUSTIVE_SEARCH_LIMIT = 16;

export interface CoverageDecision {
  /** 1 for applications with reviewers still wanted that are to reach k (supply = need). */
  completes: Uint8Array;
  /** Maximum number of assignments that can be added (maximum flow). */
  total: number;
  /** Applications and reviewers on the source side of a minimum cut, whose capacity equals `total`. */
  cutApplications: number[];
  cutReviewers: number[];
  /** Upper bound on the applications at k after the run, counting those already there. */
  upperBound: number;
  reached: number;
  searchedExhaustively: boolean;
}

class FlowState {
  readonly on: Uint8Array;
  readonly load: Int32Array;
  readonly flow: Int32Array;
  readonly applicationsOf: Set<number>[];
  private readonly nR: number;
  private readonly applicationSeen: Int32Array;
  private readonly reviewerSeen: Int32Array;
  private readonly reachedFrom: Int32Array;
  private readonly handedOnBy: Int32Array;
  private readonly deadApplication: Uint8Array;
  private readonly deadReviewer: Uint8Array;
  private stamp = 0;
  spare: number;

  constructor(private readonly instance: Instance) {
    const nA = instance.applicationIds.length;
    this.nR = instance.reviewerIds.length;
    this.on = new Uint8Array(nA * this.nR);
    this.load = Int32Array.from(instance.baseLoad);
    this.flow = new Int32Array(nA);
    this.applicationsOf = instance.reviewerIds.map(() => new Set());
    this.applicationSeen = new Int32Array(nA);
    this.reviewerSeen = new Int32Array(this.nR);
    this.reachedFrom = new Int32Array(this.nR);
    this.handedOnBy = new Int32Array(nA);
    this.deadApplication = new Uint8Array(nA);
    this.deadReviewer = new Uint8Array(this.nR);
    this.spare = 0;
    for (let r = 0; r < this.nR; r++) this.spare += Math.max(0, instance.capacity[r]! - instance.baseLoad[r]!);
  }

  private hasSpare(r: number): boolean {
    return this.load[r]! < this.instance.capacity[r]!;
  }

  add(a: number, r: number): void {
    this.on[a * this.nR + r] = 1;
    this.applicationsOf[r]!.add(a);
    if (this.hasSpare(r)) this.spare--;
    this.load[r]!++;
    this.flow[a]!++;
  }

  remove(a: number, r: number): void {
    this.on[a * this.nR + r] = 0;
    this.applicationsOf[r]!.delete(a);
    this.load[r]!--;
    if (this.hasSpare(r)) this.spare++;
    this.flow[a]!--;
  }

  /**
   * One more reviewer for `start` along a shortest augmenting path; returns the pairs changed, as
   * [application, reviewer, +1 | −1] triples in the order applied, or null when there is no path.
   * With `markDead`, nodes a failed search reached are skipped from then on: no augmentation can
   * open a way out of a set of nodes with none, as long as nothing is undone.
   */
  augment(start: number, markDead: boolean): number[] | null {
    const { instance, nR } = this;
    const direct = this.lightestWithSpare(start);
    if (direct >= 0) {
      this.add(start, direct);
      return [start, direct, 1];
    }
    const id = ++this.stamp;
    const queue = [start];
    this.applicationSeen[start] = id;
    for (let head = 0; head < queue.length; head++) {
      const a = queue[head]!;
      // Look for a reviewer with spare capacity among all of a's before going one level deeper.
      for (let r = 0; r < nR; r++) {
        if (!instance.eligible[a * nR + r] || this.on[a * nR + r] || this.reviewerSeen[r] === id) continue;
        if (this.deadReviewer[r] || !this.hasSpare(r)) continue;
        this.reachedFrom[r] = a;
        return this.shiftAlongPath(start, r);
      }
      for (let r = 0; r < nR; r++) {
        if (!instance.eligible[a * nR + r] || this.on[a * nR + r]) continue;
        if (this.reviewerSeen[r] === id || this.deadReviewer[r]) continue;
        this.reviewerSeen[r] = id;
        this.reachedFrom[r] = a;
        for (const next of this.applicationsOf[r]!) {
          if (this.applicationSeen[next] === id || this.deadApplication[next]) continue;
          this.applicationSeen[next] = id;
          this.handedOnBy[next] = r;
          queue.push(next);
        }
      }
    }
    if (markDead) {
      for (const a of queue) this.deadApplication[a] = 1;
      for (let r = 0; r < nR; r++) if (this.reviewerSeen[r] === id) this.deadReviewer[r] = 1;
    }
    return null;
  }

  /** Among the reviewers `a` may take that have spare capacity, the least loaded (then the first); or −1. */
  private lightestWithSpare(a: number): number {
    const { instance, nR } = this;
    let best = -1;
    for (let r = 0; r < nR; r++) {
      if (!instance.eligible[a * nR + r] || this.on[a * nR + r] || this.deadReviewer[r] || !this.hasSpare(r)) continue;
      if (best < 0 || this.load[r]! < this.load[best]!) best = r;
    }
    return best;
  }

  private shiftAlongPath(start: number, end: number): number[] {
    const changes: number[] = [];
    let r = end;
    for (;;) {
      const a = this.reachedFrom[r]!;
      this.add(a, r);
      changes.push(a, r, 1);
      if (a === start) return changes;
      r = this.handedOnBy[a]!;
      this.remove(a, r);
      changes.push(a, r, -1);
    }
  }

  undo(changes: number[]): void {
    for (let i = changes.length - 3; i >= 0; i -= 3) {
      const [a, r, sign] = [changes[i]!, changes[i + 1]!, changes[i + 2]!];
      if (sign > 0) this.remove(a, r);
      else this.add(a, r);
    }
  }

  /** Gives `a` all the reviewers it still wants, or changes nothing and returns false. */
  complete(a: number): boolean {
    const wanted = this.instance.need[a]! - this.flow[a]!;
    if (wanted > this.spare) return false;
    const log: number[] = [];
    for (let unit = 0; unit < wanted; unit++) {
      const changes = this.augment(a, false);
      if (!changes) {
        this.undo(log);
        return false;
      }
      log.push(...changes);
    }
    return true;
  }

  /** Adds as many reviewers as possible to every application below its need (a maximum flow). */
  fillRemaining(order: readonly number[]): void {
    for (const a of order) {
      while (this.flow[a]! < this.instance.need[a]! && this.spare > 0 && this.augment(a, true));
    }
  }

  /** Nodes reachable from the source in the residual network: the source side of a minimum cut. */
  sourceSide(): { applications: number[]; reviewers: number[] } {
    const { instance, nR } = this;
    const id = ++this.stamp;
    const queue: number[] = [];
    instance.need.forEach((need, a) => {
      if (this.flow[a]! < need) {
        this.applicationSeen[a] = id;
        queue.push(a);
      }
    });
    const reviewers: number[] = [];
    for (let head = 0; head < queue.length; head++) {
      const a = queue[head]!;
      for (let r = 0; r < nR; r++) {
        if (!instance.eligible[a * nR + r] || this.on[a * nR + r] || this.reviewerSeen[r] === id) continue;
        this.reviewerSeen[r] = id;
        reviewers.push(r);
        for (const next of this.applicationsOf[r]!) {
          if (this.applicationSeen[next] === id) continue;
          this.applicationSeen[next] = id;
          queue.push(next);
        }
      }
    }
    return { applications: queue.sort((x, y) => x - y), reviewers: reviewers.sort((x, y) => x - y) };
  }
}

function priorityOrder(instance: Instance): number[] {
  const order: number[] = [];
  instance.need.forEach((need, a) => {
    if (need > 0) order.push(a);
  });
  return order.sort(
    (x, y) => instance.need[x]! - instance.need[y]! || instance.eligibleCount[x]! - instance.eligibleCount[y]! || x - y,
  );
}

/** Applications that could reach k on their own: enough eligible reviewers with any spare capacity. */
function canCompleteAlone(instance: Instance, a: number): boolean {
  const nR = instance.reviewerIds.length;
  let free = 0;
  for (let r = 0; r < nR; r++) {
    if (instance.eligible[a * nR + r] && instance.capacity[r]! > instance.baseLoad[r]!) free++;
  }
  return free >= instance.need[a]!;
}

/**
 * At most this many applications with reviewers wanted can reach k: each needs `need` units of a
 * flow that cannot exceed `total`, so take the smallest needs first.
 */
export function coverageUpperBound(instance: Instance, total: number): number {
  let bound = 0;
  const needs: number[] = [];
  instance.need.forEach((need, a) => {
    if (need === 0) bound++;
    else if (canCompleteAlone(instance, a)) needs.push(need);
  });
  let used = 0;
  for (const need of needs.sort((x, y) => x - y)) {
    if (used + need > total) break;
    used += need;
    bound++;
  }
  return bound;
}

function greedySet(instance: Instance, order: readonly number[]): Uint8Array {
  const state = new FlowState(instance);
  const completes = new Uint8Array(instance.applicationIds.length);
  for (const a of order) if (state.complete(a)) completes[a] = 1;
  return completes;
}

/** Include-first depth-first search in priority order; keeps the first set of each larger size. */
function exhaustiveSet(instance: Instance, order: readonly number[], bound: number, start: Uint8Array): Uint8Array {
  let best = Uint8Array.from(start);
  let bestCount = order.filter((a) => start[a]).length;
  const chosen: number[] = [];
  const feasible = (set: readonly number[]) => {
    const state = new FlowState(instance);
    return set.every((a) => state.complete(a));
  };
  const visit = (index: number) => {
    if (bestCount >= bound || chosen.length + (order.length - index) <= bestCount) return;
    if (index === order.length) {
      best = new Uint8Array(instance.applicationIds.length);
      for (const a of chosen) best[a] = 1;
      bestCount = chosen.length;
      return;
    }
    chosen.push(order[index]!);
    if (feasible(chosen)) visit(index + 1);
    chosen.pop();
    visit(index + 1);
  };
  visit(0);
  return best;
}

/**
 * When every application wanting reviewers could reach k on its own and the spare capacity covers
 * them all, the cost-flow phase is tried with all of them first; only if it finds no room does the
 * search for a set run. Null when the quick checks already show that some must be left short.
 */
export function everyoneCompletes(instance: Instance): CoverageDecision | null {
  let wanted = 0;
  let spare = 0;
  instance.capacity.forEach((capacity, r) => (spare += Math.max(0, capacity - instance.baseLoad[r]!)));
  const completes = new Uint8Array(instance.applicationIds.length);
  for (let a = 0; a < completes.length; a++) {
    if (instance.need[a] === 0) continue;
    if (!canCompleteAlone(instance, a)) return null;
    completes[a] = 1;
    wanted += instance.need[a]!;
  }
  if (wanted > spare) return null;
  const count = completes.length;
  return {
    completes,
    total: wanted,
    cutApplications: [],
    cutReviewers: [],
    upperBound: count,
    reached: count,
    searchedExhaustively: false,
  };
}

export function decideCoverage(instance: Instance): CoverageDecision {
  const order = priorityOrder(instance);
  let completes = greedySet(instance, order);
  const alreadyThere = instance.need.filter((need) => need === 0).length;
  const count = (set: Uint8Array) => alreadyThere + order.filter((a) => set[a]).length;

  // The maximum flow does not depend on the set: augmenting never lowers a source arc's flow.
  const probe = new FlowState(instance);
  probe.fillRemaining(order);
  let total = 0;
  probe.flow.forEach((units) => (total += units));
  const upperBound = coverageUpperBound(instance, total);

  let searchedExhaustively = false;
  if (count(completes) < upperBound && order.length <= EXHAUSTIVE_SEARCH_LIMIT) {
    completes = exhaustiveSet(instance, order, upperBound - alreadyThere, completes);
    searchedExhaustively = true;
  }

  const state = new FlowState(instance);
  for (const a of order) if (completes[a] && !state.complete(a)) throw new Error("Chosen set is not feasible");
  state.fillRemaining(order);
  const cut = state.sourceSide();
  return {
    completes,
    total,
    cutApplications: cut.applications,
    cutReviewers: cut.reviewers,
    upperBound,
    reached: count(completes),
    searchedExhaustively,
  };
}
