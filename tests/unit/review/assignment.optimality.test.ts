import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignReviewers, type AssignmentInput, type AssignmentResult } from "~/review/assignment";
import { checkAssignment } from "~/review/assignment-check";

const TOPICS = ["ai", "bio", "policy"];
const key = (reviewerId: string, applicationId: string) => `${reviewerId}|${applicationId}`;

/** Rounds of up to `apps` applications and `reviewers` reviewers, with conflicts, existing pairs and preferences. */
function rounds(apps: number, reviewers: number, maxK: number): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({ nA: fc.integer({ min: 1, max: apps }), nR: fc.integer({ min: 1, max: reviewers }) })
    .chain(({ nA, nR }) => {
      const applicationIds = Array.from({ length: nA }, (_, i) => `app-${i}`);
      const reviewerIds = Array.from({ length: nR }, (_, i) => `rev-${i}`);
      const pairs = applicationIds.flatMap((applicationId) =>
        reviewerIds.map((reviewerId) => ({ reviewerId, applicationId })),
      );
      const exactly = (length: number) => ({ minLength: length, maxLength: length });
      return fc.record({
        applications: fc
          .array(fc.subarray(TOPICS), exactly(nA))
          .map((tags) => tags.map((t, i) => ({ id: applicationIds[i]!, tags: t }))),
        reviewers: fc
          .array(fc.record({ capacity: fc.nat({ max: 4 }), expertise: fc.subarray(TOPICS) }), exactly(nR))
          .map((list) => list.map((r, i) => ({ id: reviewerIds[i]!, ...r }))),
        conflicts: fc.subarray(pairs, { maxLength: Math.ceil(pairs.length / 3) }),
        existing: fc.subarray(pairs, { maxLength: Math.ceil(nA / 2) }),
        preferences: fc
          .subarray(pairs, { maxLength: Math.min(3, pairs.length) })
          .chain((chosen) =>
            fc.tuple(...chosen.map((pair) => fc.integer({ min: -2, max: 2 }).map((cost) => ({ ...pair, cost })))),
          ),
        k: fc.integer({ min: 0, max: maxK }),
      });
    });
}

interface Outcome {
  reached: number;
  total: number;
  sumSquares: number;
  pairCost: number;
}

/** The model every solver here is judged by, computed from the pairs alone. */
function outcomeOf(input: AssignmentInput, added: { reviewerId: string; applicationId: string }[]): Outcome {
  const existing = new Set(input.existing.map((p) => key(p.reviewerId, p.applicationId)));
  const onApplication = new Map<string, number>();
  const load = new Map<string, number>();
  for (const pair of [...existing].map((k) => k.split("|") as [string, string])) {
    load.set(pair[0], (load.get(pair[0]) ?? 0) + 1);
    onApplication.set(pair[1], (onApplication.get(pair[1]) ?? 0) + 1);
  }
  let pairCost = 0;
  for (const { reviewerId, applicationId } of added) {
    load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
    onApplication.set(applicationId, (onApplication.get(applicationId) ?? 0) + 1);
    pairCost += costOf(input, reviewerId, applicationId);
  }
  let sumSquares = 0;
  for (const value of load.values()) sumSquares += value * value;
  const reached = input.applications.filter((a) => (onApplication.get(a.id) ?? 0) >= input.k).length;
  return { reached, total: added.length, sumSquares, pairCost };
}

function costOf(input: AssignmentInput, reviewerId: string, applicationId: string): number {
  const tags = input.applications.find((a) => a.id === applicationId)!.tags;
  const expertise = input.reviewers.find((r) => r.id === reviewerId)!.expertise;
  const preference = (input.preferences ?? []).find(
    (p) => p.reviewerId === reviewerId && p.applicationId === applicationId,
  );
  return (preference?.cost ?? 0) - tags.filter((tag) => expertise.includes(tag)).length;
}

/** Subsets of `items` with at most `size` elements. */
function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0 || items.length === 0) return [[]];
  const [first, ...rest] = items;
  return [...subsets(rest, size), ...subsets(rest, size - 1).map((s) => [first!, ...s])];
}

/**
 * Every assignment there is, judged lexicographically by the documented objective: most at k; among
 * those, the set at k that is first in priority order (fewest wanted, fewest eligible, id); most added;
 * least Σ load²; least pair cost.
 */
function bruteForce(input: AssignmentInput): Outcome {
  const existing = new Set(input.existing.map((p) => key(p.reviewerId, p.applicationId)));
  const conflicted = new Set(input.conflicts.map((p) => key(p.reviewerId, p.applicationId)));
  const had = (id: string) =>
    new Set(input.existing.filter((p) => p.applicationId === id).map((p) => p.reviewerId)).size;
  const options = input.applications.map((application) => {
    const eligible = input.reviewers
      .map((r) => r.id)
      .filter((r) => !existing.has(key(r, application.id)) && !conflicted.has(key(r, application.id)));
    const need = Math.max(0, input.k - had(application.id));
    return { id: application.id, need, eligible: eligible.length, choices: subsets(eligible, need) };
  });
  const priority = [...options]
    .filter((o) => o.need > 0)
    .sort((x, y) => x.need - y.need || x.eligible - y.eligible || (x.id < y.id ? -1 : 1))
    .map((o) => o.id);
  const baseLoad = new Map<string, number>();
  for (const pair of input.existing) baseLoad.set(pair.reviewerId, (baseLoad.get(pair.reviewerId) ?? 0) + 1);
  let best: { outcome: Outcome; signature: string } | null = null;
  const chosen: { reviewerId: string; applicationId: string }[][] = [];
  const visit = (index: number) => {
    if (index === options.length) {
      const added = chosen.flat();
      const load = new Map(baseLoad);
      for (const { reviewerId } of added) load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
      for (const reviewer of input.reviewers) {
        if (load.get(reviewer.id)! > reviewer.capacity && load.get(reviewer.id)! > (baseLoad.get(reviewer.id) ?? 0))
          return;
      }
      const outcome = outcomeOf(input, added);
      const full = new Set(options.filter((o, i) => o.need > 0 && chosen[i]!.length === o.need).map((o) => o.id));
      const signature = priority.map((id) => (full.has(id) ? "1" : "0")).join("");
      if (!best || better(outcome, signature, best.outcome, best.signature)) best = { outcome, signature };
      return;
    }
    for (const choice of options[index]!.choices) {
      chosen.push(choice.map((reviewerId) => ({ reviewerId, applicationId: options[index]!.id })));
      visit(index + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best!.outcome;
}

function better(x: Outcome, xs: string, y: Outcome, ys: string): boolean {
  if (x.reached !== y.reached) return x.reached > y.reached;
  if (xs !== ys) return xs > ys;
  if (x.total !== y.total) return x.total > y.total;
  if (x.sumSquares !== y.sumSquares) return x.sumSquares < y.sumSquares;
  return x.pairCost < y.pairCost;
}

/**
 * An independent min-cost flow for the solver's own coverage decision: Bellman–Ford successive
 * shortest paths on the explicit network, with the lexicographic cost W·(2j − 1) per j-th unit of load.
 */
function minCostFlow(input: AssignmentInput, result: AssignmentResult): number {
  const W = result.certificate.objective.loadWeight;
  const had = (id: string) =>
    new Set(input.existing.filter((p) => p.applicationId === id).map((p) => p.reviewerId)).size;
  const existing = new Set(input.existing.map((p) => key(p.reviewerId, p.applicationId)));
  const conflicted = new Set(input.conflicts.map((p) => key(p.reviewerId, p.applicationId)));
  const short = new Set(result.uncovered.map((gap) => gap.applicationId));
  const apps = input.applications.map((a) => ({ id: a.id, need: Math.max(0, input.k - had(a.id)) }));
  // Nodes: 0 completion, 1 shortfall, 2 sink, then applications, then reviewers.
  type Arc = { to: number; capacity: number; cost: number; reverse: number };
  const graph: Arc[][] = Array.from({ length: 3 + apps.length + input.reviewers.length }, () => []);
  const addArc = (from: number, to: number, capacity: number, cost: number) => {
    graph[from]!.push({ to, capacity, cost, reverse: graph[to]!.length });
    graph[to]!.push({ to: from, capacity: 0, cost: -cost, reverse: graph[from]!.length - 1 });
  };
  let completion = 0;
  apps.forEach((app, a) => {
    if (app.need === 0) return;
    if (!short.has(app.id)) completion += app.need;
    addArc(short.has(app.id) ? 1 : 0, 3 + a, app.need, 0);
    input.reviewers.forEach((reviewer, r) => {
      if (existing.has(key(reviewer.id, app.id)) || conflicted.has(key(reviewer.id, app.id))) return;
      addArc(3 + a, 3 + apps.length + r, 1, costOf(input, reviewer.id, app.id));
    });
  });
  input.reviewers.forEach((reviewer, r) => {
    const base = input.existing.filter((p) => p.reviewerId === reviewer.id).length;
    for (let j = base + 1; j <= reviewer.capacity; j++) addArc(3 + apps.length + r, 2, 1, W * (2 * j - 1));
  });
  let total = 0;
  const supplies: [number, number][] = [
    [0, completion],
    [1, result.added.length - completion],
  ];
  for (const [source, units] of supplies) {
    for (let unit = 0; unit < units; unit++) {
      const dist = graph.map(() => Infinity);
      const via: ([number, number] | null)[] = graph.map(() => null);
      dist[source] = 0;
      for (let round = 0; round < graph.length; round++) {
        graph.forEach((arcs, u) => {
          if (dist[u] === Infinity) return;
          arcs.forEach((arc, i) => {
            if (arc.capacity > 0 && dist[u]! + arc.cost < dist[arc.to]!) {
              dist[arc.to] = dist[u]! + arc.cost;
              via[arc.to] = [u, i];
            }
          });
        });
      }
      if (dist[2] === Infinity) throw new Error("infeasible");
      total += dist[2]!;
      for (let v = 2; v !== source;) {
        const [u, i] = via[v]!;
        const arc = graph[u]![i]!;
        arc.capacity--;
        graph[v]![arc.reverse]!.capacity++;
        v = u;
      }
    }
  }
  return total;
}

function primalOf(input: AssignmentInput, result: AssignmentResult): number {
  const outcome = outcomeOf(input, result.added);
  const base = outcomeOf(input, []).sumSquares;
  return result.certificate.objective.loadWeight * (outcome.sumSquares - base) + outcome.pairCost;
}

describe("assignment optimality", () => {
  it("matches a brute force over every assignment of tiny rounds, lexicographically", () => {
    fc.assert(
      fc.property(rounds(4, 4, 2), (input) => {
        const expected = bruteForce(input);
        expect(outcomeOf(input, assignReviewers(input).added)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("costs what an independent min-cost flow costs for the same coverage", () => {
    fc.assert(
      fc.property(rounds(9, 6, 3), (input) => {
        const result = assignReviewers(input);
        expect(primalOf(input, result)).toBe(minCostFlow(input, result));
      }),
      { numRuns: 150 },
    );
  });

  it("comes with a certificate the independent checker accepts, at a duality gap of zero", () => {
    fc.assert(
      fc.property(rounds(12, 7, 4), (input) => {
        const result = assignReviewers(input);
        const check = checkAssignment(input, result);
        expect(check.problems).toEqual([]);
        expect(check.dual).toBe(check.primal);
        expect(check.primal).toBe(primalOf(input, result));
      }),
      { numRuns: 200 },
    );
  });

  it("has its certificate rejected when the solution is perturbed, unless the change is a tie", () => {
    let rejected = 0;
    fc.assert(
      fc.property(rounds(10, 6, 3), fc.nat(), fc.nat(), (input, pick, target) => {
        const result = assignReviewers(input);
        fc.pre(result.added.length > 0);
        const moved = result.added[pick % result.added.length]!;
        // Dropping a pair breaks the maximum flow's cut.
        const dropped = { ...result, added: result.added.filter((pair) => pair !== moved) };
        expect(checkAssignment(input, dropped).valid).toBe(false);
        // Moving it to another reviewer is either caught or exactly as good.
        const taken = new Set([...input.existing, ...result.added].map((p) => key(p.reviewerId, p.applicationId)));
        const conflicted = new Set(input.conflicts.map((p) => key(p.reviewerId, p.applicationId)));
        const candidates = input.reviewers.filter(
          (r) => !taken.has(key(r.id, moved.applicationId)) && !conflicted.has(key(r.id, moved.applicationId)),
        );
        fc.pre(candidates.length > 0);
        const to = candidates[target % candidates.length]!;
        const perturbed = {
          ...result,
          added: result.added.map((pair) => (pair === moved ? { ...pair, reviewerId: to.id } : pair)),
        };
        const check = checkAssignment(input, perturbed);
        if (check.valid) expect(outcomeOf(input, perturbed.added)).toEqual(outcomeOf(input, result.added));
        else rejected++;
      }),
      { numRuns: 200 },
    );
    expect(rejected).toBeGreaterThan(20);
  });
});
