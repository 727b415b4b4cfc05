/**
 * Phases 2 and 3 of the assignment: given which applications reach k and how many assignments are
 * added in all (assignment-coverage.ts), the most balanced loads, then the most expertise overlap.
 *
 * A min-cost b-flow. A completion node supplies the need of every application that is to reach k; a
 * shortfall node supplies the rest of the total, spread over the applications left short; the sink
 * takes it all. An added pair costs its pair cost (−shared tags + preference); the j-th unit of a
 * reviewer's load costs W·(2j − 1), so the loads cost W·Σ load² up to a constant, and W above
 * (total) × (pair-cost range) makes a lower Σ load² beat any difference in pair costs: the
 * lexicographic order, exactly.
 *
 * Solved by the primal-dual form of successive shortest paths: Dijkstra on reduced costs sets the
 * potentials, then augmenting paths of zero reduced cost are taken until none is left. Paths run over
 * reviewers and the two supply nodes only: "move an application from reviewer r to r′" is one arc whose
 * cost is the cheapest such move, and "a supplied application takes r" is one arc, each kept as counts
 * per pair-cost value. So a search costs O(reviewers² × cost range) whatever the number of applications.
 * The potentials at the end are the certificate: no residual arc has a negative reduced cost.
 */
import type { Instance } from "./assignment-instance";

export interface CostFlowResult {
  /** Per application, the reviewers added, by index. */
  added: number[][];
  loadWeight: number;
  reviewerPrices: number[];
  sinkPrice: number;
  /** Prices of the supply nodes: [completion, shortfall]. */
  supplyPrices: [number, number];
  /** Per application, a price consistent with the others (null if it wants no reviewer). */
  applicationPrices: (number | null)[];
}

/** The supplies asked for cannot all reach the sink: some applications cannot all reach k together. */
export class InfeasibleSupplyError extends Error {
  constructor() {
    super("No augmenting path: the supplies are not feasible");
  }
}

const NONE = -1;
const COMPLETION = 0;
const SHORTFALL = 1;

const FROM_SUPPLY = 0;
const MOVE = 1;
const TO_SUPPLY = 2;
const TO_SINK = 3;

class CostFlow {
  private readonly nR: number;
  private readonly sink: number;
  private readonly nodes: number;
  private readonly span: number;
  private readonly moveWidth: number;
  private readonly costWidth: number;
  readonly on: Uint8Array;
  readonly load: Int32Array;
  readonly flow: Int32Array;
  /** Supply group of each application: COMPLETION, SHORTFALL or NONE. */
  readonly group: Int8Array;
  readonly supply = [0, 0];
  private readonly members: number[][] = [[], []];
  private readonly memberIndex: Int32Array;
  /** [g][r][cost − minCost]: no member of g before this position could take r at that cost. */
  private readonly takerFrom: Int32Array;
  private readonly applicationsOf: Int32Array[];
  private readonly applicationCount: Int32Array;
  private readonly position: Int32Array;
  readonly reviewersOf: number[][];
  /** [r][r′][δ + span]: added applications on r that could move to r′ at a pair-cost change of δ. */
  private readonly moves: Int32Array;
  private readonly movable: Int32Array;
  /** [r][r′]: the least δ with a non-zero count in `moves`, valid where `movable` is non-zero. */
  private readonly cheapest: Int32Array;
  /** [g][r][cost − minCost]: applications of group g with room that could take r. */
  private readonly canTake: Int32Array;
  /** [g][r][cost − minCost]: applications of group g added to r. */
  private readonly holding: Int32Array;
  readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly done: Uint8Array;
  private readonly visited: Uint8Array;
  private readonly predecessor: Int32Array;
  private readonly predecessorKind: Int8Array;
  private readonly predecessorCost: Int32Array;
  private readonly arcTo: Int32Array;
  private readonly queue: Int32Array;
  private readonly arcReduced: Float64Array;
  private readonly arcKind: Int8Array;
  private readonly arcCost: Int32Array;
  /** Reviewers whose next unit of load had zero reduced cost when the potentials last changed. */
  private ready: number[] = [];
  private directSearches = 0;

  constructor(
    private readonly instance: Instance,
    completes: Uint8Array,
    readonly loadWeight: number,
  ) {
    const nA = instance.applicationIds.length;
    const nR = (this.nR = instance.reviewerIds.length);
    this.sink = nR;
    this.nodes = nR + 3;
    this.span = instance.maxCost - instance.minCost;
    this.moveWidth = 2 * this.span + 1;
    this.costWidth = this.span + 1;
    this.on = new Uint8Array(nA * nR);
    this.load = Int32Array.from(instance.baseLoad);
    this.flow = new Int32Array(nA);
    this.group = new Int8Array(nA).fill(NONE);
    this.memberIndex = new Int32Array(nA);
    this.applicationsOf = instance.reviewerIds.map(() => new Int32Array(4));
    this.applicationCount = new Int32Array(nR);
    this.position = new Int32Array(nA * nR);
    this.reviewersOf = instance.applicationIds.map(() => []);
    this.moves = new Int32Array(nR * nR * this.moveWidth);
    this.movable = new Int32Array(nR * nR);
    this.cheapest = new Int32Array(nR * nR);
    this.canTake = new Int32Array(2 * nR * this.costWidth);
    this.holding = new Int32Array(2 * nR * this.costWidth);
    this.takerFrom = new Int32Array(2 * nR * this.costWidth);
    this.potential = new Float64Array(this.nodes).fill(instance.minCost);
    this.potential[this.supplyNode(COMPLETION)] = 0;
    this.potential[this.supplyNode(SHORTFALL)] = 0;
    this.dist = new Float64Array(this.nodes);
    this.done = new Uint8Array(this.nodes);
    this.visited = new Uint8Array(this.nodes);
    this.predecessor = new Int32Array(this.nodes);
    this.predecessorKind = new Int8Array(this.nodes);
    this.predecessorCost = new Int32Array(this.nodes);
    this.arcTo = new Int32Array(this.nodes);
    this.queue = new Int32Array(this.nodes);
    this.arcReduced = new Float64Array(this.nodes);
    this.arcKind = new Int8Array(this.nodes);
    this.arcCost = new Int32Array(this.nodes);
    instance.need.forEach((need, a) => {
      if (need === 0) return;
      const g = completes[a] ? COMPLETION : SHORTFALL;
      this.group[a] = g;
      this.memberIndex[a] = this.members[g]!.length;
      this.members[g]!.push(a);
      this.setRoom(a, 1);
    });
  }

  supplyNode(g: number): number {
    return this.nR + 1 + g;
  }

  private cost(a: number, r: number): number {
    return this.instance.pairCost[a * this.nR + r]!;
  }

  private canAdd(a: number, r: number): boolean {
    const index = a * this.nR + r;
    return this.instance.eligible[index] === 1 && this.on[index] === 0;
  }

  private hasRoom(a: number): boolean {
    return this.flow[a]! < this.instance.need[a]!;
  }

  private countIndex(g: number, r: number, cost: number): number {
    return (g * this.nR + r) * this.costWidth + cost - this.instance.minCost;
  }

  /** Counts `a` (which has room) among the takers of every reviewer it could take, or uncounts it. */
  private setRoom(a: number, by: number): void {
    const g = this.group[a]!;
    for (let r = 0; r < this.nR; r++) {
      if (!this.canAdd(a, r)) continue;
      const index = this.countIndex(g, r, this.cost(a, r));
      this.canTake[index]! += by;
      if (by > 0) this.takerFrom[index] = Math.min(this.takerFrom[index]!, this.memberIndex[a]!);
    }
  }

  private bumpMove(from: number, to: number, delta: number, by: number): void {
    const pair = from * this.nR + to;
    const slot = pair * this.moveWidth + delta + this.span;
    const before = this.moves[slot]!;
    this.moves[slot] = before + by;
    const left = (this.movable[pair] = this.movable[pair]! + by);
    if (by > 0) {
      if (left === by || delta < this.cheapest[pair]!) this.cheapest[pair] = delta;
    } else if (left > 0 && before + by === 0 && delta === this.cheapest[pair]) {
      const base = pair * this.moveWidth;
      let i = delta + this.span + 1;
      while (this.moves[base + i] === 0) i++;
      this.cheapest[pair] = i - this.span;
    }
  }

  /** Moves of `a` out of `r` to every reviewer it could take, and into `r` from the others it is on. */
  private trackMoves(a: number, r: number, by: number): void {
    const own = this.cost(a, r);
    for (let other = 0; other < this.nR; other++) {
      if (other !== r && this.canAdd(a, other)) this.bumpMove(r, other, this.cost(a, other) - own, by);
    }
    for (const holder of this.reviewersOf[a]!) {
      if (holder !== r) this.bumpMove(holder, r, own - this.cost(a, holder), -by);
    }
  }

  add(a: number, r: number): void {
    const g = this.group[a]!;
    const cost = this.cost(a, r);
    this.canTake[this.countIndex(g, r, cost)]!--;
    this.trackMoves(a, r, 1);
    this.on[a * this.nR + r] = 1;
    this.holding[this.countIndex(g, r, cost)]!++;
    let list = this.applicationsOf[r]!;
    const count = this.applicationCount[r]!;
    if (count === list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      this.applicationsOf[r] = list = grown;
    }
    list[count] = a;
    this.position[a * this.nR + r] = count;
    this.applicationCount[r] = count + 1;
    this.reviewersOf[a]!.push(r);
    this.load[r]!++;
    this.flow[a]!++;
    this.supply[g]!--;
    if (!this.hasRoom(a)) this.setRoom(a, -1);
  }

  remove(a: number, r: number): void {
    const g = this.group[a]!;
    const cost = this.cost(a, r);
    if (!this.hasRoom(a)) this.setRoom(a, 1);
    const reviewers = this.reviewersOf[a]!;
    reviewers.splice(reviewers.indexOf(r), 1);
    this.on[a * this.nR + r] = 0;
    this.trackMoves(a, r, -1);
    const index = this.countIndex(g, r, cost);
    this.holding[index]!--;
    this.canTake[index]!++;
    this.takerFrom[index] = Math.min(this.takerFrom[index]!, this.memberIndex[a]!);
    const list = this.applicationsOf[r]!;
    const last = this.applicationCount[r]! - 1;
    const at = this.position[a * this.nR + r]!;
    const moved = list[last]!;
    list[at] = moved;
    this.position[moved * this.nR + r] = at;
    this.applicationCount[r] = last;
    this.load[r]!--;
    this.flow[a]!--;
    this.supply[g]!++;
  }

  /** The least pair cost among counts[g][r], or (highest) the greatest; null if there is none. */
  private extremeCost(counts: Int32Array, g: number, r: number, highest: boolean): number | null {
    const base = this.countIndex(g, r, this.instance.minCost);
    for (let step = 0; step < this.costWidth; step++) {
      const i = highest ? this.costWidth - 1 - step : step;
      if (counts[base + i]! > 0) return i + this.instance.minCost;
    }
    return null;
  }

  private unitCost(r: number): number {
    return this.loadWeight * (2 * this.load[r]! + 1);
  }

  /**
   * The residual arcs out of `from` (a reviewer or a supply node) into nodes `skip` leaves open, with
   * their reduced costs, written to the arc* scratch arrays; returns how many.
   */
  private collectArcs(from: number, skip: Uint8Array): number {
    const { nR, potential, sink, arcTo, arcReduced, arcKind, arcCost } = this;
    let count = 0;
    if (from > nR) {
      const g = from - nR - 1;
      const { canTake, costWidth } = this;
      const { minCost } = this.instance;
      for (let r = 0; r < nR; r++) {
        if (skip[r]) continue;
        const base = (g * nR + r) * costWidth;
        let i = 0;
        while (i < costWidth && canTake[base + i] === 0) i++;
        if (i === costWidth) continue;
        arcTo[count] = r;
        arcReduced[count] = i + minCost + potential[from]! - potential[r]!;
        arcKind[count] = FROM_SUPPLY;
        arcCost[count++] = i + minCost;
      }
      return count;
    }
    const r = from;
    if (!skip[sink] && this.load[r]! < this.instance.capacity[r]!) {
      arcTo[count] = sink;
      arcReduced[count] = this.unitCost(r) + potential[r]! - potential[sink]!;
      arcKind[count] = TO_SINK;
      arcCost[count++] = 0;
    }
    const row = r * nR;
    const own = potential[r]!;
    const { movable, cheapest } = this;
    for (let to = 0; to < nR; to++) {
      if (skip[to] || movable[row + to] === 0 || to === r) continue;
      const delta = cheapest[row + to]!;
      arcTo[count] = to;
      arcReduced[count] = delta + own - potential[to]!;
      arcKind[count] = MOVE;
      arcCost[count++] = delta;
    }
    for (let g = 0; g < 2; g++) {
      const node = this.supplyNode(g);
      if (skip[node]) continue;
      // Giving up the assignment with the highest pair cost is the cheapest way back to the supply.
      const cost = this.extremeCost(this.holding, g, r, true);
      if (cost === null) continue;
      arcTo[count] = node;
      arcReduced[count] = -cost + own - potential[node]!;
      arcKind[count] = TO_SUPPLY;
      arcCost[count++] = cost;
    }
    return count;
  }

  /** Shortest paths on reduced costs from the supply node; raises the potentials; leaves the tree. */
  private shortestPaths(source: number): void {
    const { dist, done, potential, sink, nodes } = this;
    dist.fill(Infinity);
    done.fill(0);
    dist[source] = 0;
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let v = 0; v < nodes; v++) {
        if (!done[v] && (dist[v]! < best || (dist[v] === best && v === sink && best < Infinity))) {
          best = dist[v]!;
          u = v;
        }
      }
      if (u < 0) throw new InfeasibleSupplyError();
      done[u] = 1;
      if (u === sink) break;
      const count = this.collectArcs(u, done);
      for (let i = 0; i < count; i++) {
        const to = this.arcTo[i]!;
        const candidate = best + this.arcReduced[i]!;
        if (candidate < dist[to]!) {
          dist[to] = candidate;
          this.predecessor[to] = u;
          this.predecessorKind[to] = this.arcKind[i]!;
          this.predecessorCost[to] = this.arcCost[i]!;
        }
      }
    }
    const total = dist[sink]!;
    for (let v = 0; v < nodes; v++) if (done[v]) potential[v]! += dist[v]! - total;
    this.ready = [];
    for (let r = 0; r < this.nR; r++) if (this.freeUnit(r)) this.ready.push(r);
  }

  private freeUnit(r: number): boolean {
    return (
      this.load[r]! < this.instance.capacity[r]! &&
      this.unitCost(r) + this.potential[r]! - this.potential[this.sink]! === 0
    );
  }

  /** supply → r → sink at zero reduced cost, tried before any search: the common case by far. */
  private directPath(source: number): boolean {
    const g = source - this.nR - 1;
    const { ready } = this;
    // Among equally good reviewers, start at a scrambled place: ties broken in index order would give
    // consecutive applications the same panels, cutting the review graph into cliques in which
    // reviewer bias cannot be told from quality (calibration.ts). Deterministic all the same.
    const start = ready.length > 0 ? scramble(this.directSearches++) % ready.length : 0;
    for (let i = 0; i < ready.length; i++) {
      const r = ready[(start + i) % ready.length]!;
      if (!this.freeUnit(r)) continue;
      const cost = this.extremeCost(this.canTake, g, r, false);
      if (cost === null || cost + this.potential[source]! - this.potential[r]! !== 0) continue;
      this.predecessor[r] = source;
      this.predecessorKind[r] = FROM_SUPPLY;
      this.predecessorCost[r] = cost;
      this.predecessor[this.sink] = r;
      this.predecessorKind[this.sink] = TO_SINK;
      return true;
    }
    return false;
  }

  /**
   * A path of zero reduced cost from the supply node to the sink, recorded as predecessors: breadth
   * first, and a reviewer whose next unit of load is free of reduced cost ends the search when found.
   */
  private admissiblePath(source: number): boolean {
    const { visited, sink } = this;
    visited.fill(0);
    visited[source] = 1;
    const queue = this.queue;
    queue[0] = source;
    let tail = 1;
    const record = (to: number, from: number, kind: number, cost: number) => {
      this.predecessor[to] = from;
      this.predecessorKind[to] = kind;
      this.predecessorCost[to] = cost;
    };
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      const count = this.collectArcs(u, visited);
      for (let i = 0; i < count; i++) {
        if (this.arcReduced[i] !== 0) continue;
        const to = this.arcTo[i]!;
        record(to, u, this.arcKind[i]!, this.arcCost[i]!);
        if (to === sink) return true;
        visited[to] = 1;
        queue[tail++] = to;
        if (to < this.nR && this.freeUnit(to)) {
          record(sink, to, TO_SINK, 0);
          return true;
        }
      }
    }
    return false;
  }

  /** One unit of `g`'s supply to the sink along a shortest path. */
  augment(g: number): void {
    const source = this.supplyNode(g);
    // After shortestPaths the predecessors hold a shortest path, of zero reduced cost once priced.
    if (!this.directPath(source) && !this.admissiblePath(source)) this.shortestPaths(source);
    this.apply(this.pathChanges(source));
  }

  /** The path's pair changes as [application, reviewer, ±1] triples, chosen on the current state. */
  private pathChanges(source: number): number[] {
    const changes: number[] = [];
    let v = this.sink;
    while (v !== source) {
      const from = this.predecessor[v]!;
      const kind = this.predecessorKind[v]!;
      const cost = this.predecessorCost[v]!;
      if (kind === FROM_SUPPLY) {
        changes.push(this.takerOf(from - this.nR - 1, v, cost), v, 1);
      } else if (kind === MOVE) {
        const a = this.movingApplication(from, v, cost);
        changes.push(a, v, 1, a, from, -1);
      } else if (kind === TO_SUPPLY) {
        changes.push(this.holderOf(v - this.nR - 1, from, cost), from, -1);
      }
      v = from;
    }
    return changes;
  }

  /** The first member of g (by index) with room that could take r at this cost. */
  private takerOf(g: number, r: number, cost: number): number {
    const members = this.members[g]!;
    const index = this.countIndex(g, r, cost);
    for (let i = this.takerFrom[index]!; i < members.length; i++) {
      const a = members[i]!;
      if (this.hasRoom(a) && this.canAdd(a, r) && this.cost(a, r) === cost) {
        this.takerFrom[index] = i;
        return a;
      }
    }
    throw new Error("Supply counts out of step with the assignments");
  }

  private holderOf(g: number, r: number, cost: number): number {
    return this.lowestOn(r, (a) => this.group[a] === g && this.cost(a, r) === cost);
  }

  private movingApplication(from: number, to: number, delta: number): number {
    return this.lowestOn(from, (a) => this.canAdd(a, to) && this.cost(a, to) - this.cost(a, from) === delta);
  }

  private lowestOn(r: number, fits: (a: number) => boolean): number {
    const list = this.applicationsOf[r]!;
    let chosen = -1;
    for (let i = 0; i < this.applicationCount[r]!; i++) {
      const a = list[i]!;
      if ((chosen < 0 || a < chosen) && fits(a)) chosen = a;
    }
    if (chosen < 0) throw new Error("Move counts out of step with the assignments");
    return chosen;
  }

  /** Removals first, so no application ever holds more than it needs (add() relies on that). */
  private apply(changes: number[]): void {
    for (let i = 0; i < changes.length; i += 3) if (changes[i + 2]! < 0) this.remove(changes[i]!, changes[i + 1]!);
    for (let i = 0; i < changes.length; i += 3) if (changes[i + 2]! > 0) this.add(changes[i]!, changes[i + 1]!);
  }

  /** Any price between the bounds its residual arcs set; they never cross once the potentials are optimal. */
  applicationPrice(a: number): number | null {
    const g = this.group[a]!;
    if (g === NONE) return null;
    let lower = -Infinity;
    let upper = Infinity;
    for (let r = 0; r < this.nR; r++) {
      const index = a * this.nR + r;
      if (!this.instance.eligible[index]) continue;
      const bound = this.potential[r]! - this.cost(a, r);
      if (this.on[index]) upper = Math.min(upper, bound);
      else lower = Math.max(lower, bound);
    }
    const supplyPrice = this.potential[this.supplyNode(g)]!;
    if (this.hasRoom(a)) upper = Math.min(upper, supplyPrice);
    if (this.flow[a]! > 0) lower = Math.max(lower, supplyPrice);
    return Number.isFinite(lower) ? lower : Number.isFinite(upper) ? upper : supplyPrice;
  }
}

/** A fixed integer hash (murmur3's finaliser), non-negative. */
function scramble(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function balanceAndMatch(instance: Instance, completes: Uint8Array, total: number): CostFlowResult {
  const loadWeight = total * (instance.maxCost - instance.minCost) + 1;
  const flow = new CostFlow(instance, completes, loadWeight);
  let completing = 0;
  instance.need.forEach((need, a) => {
    if (completes[a]) completing += need;
  });
  flow.supply[COMPLETION] = completing;
  flow.supply[SHORTFALL] = total - completing;
  while (flow.supply[COMPLETION]! > 0) flow.augment(COMPLETION);
  while (flow.supply[SHORTFALL]! > 0) flow.augment(SHORTFALL);
  const nR = instance.reviewerIds.length;
  return {
    added: flow.reviewersOf.map((reviewers) => [...reviewers].sort((x, y) => x - y)),
    loadWeight,
    reviewerPrices: Array.from(flow.potential.subarray(0, nR)),
    sinkPrice: flow.potential[nR]!,
    supplyPrices: [flow.potential[flow.supplyNode(COMPLETION)]!, flow.potential[flow.supplyNode(SHORTFALL)]!],
    applicationPrices: instance.applicationIds.map((_, a) => flow.applicationPrice(a)),
  };
}
