/**
 * An independent check of an assignment and its certificate: it shares nothing with the solver but
 * the input types and the definition of the objective, rebuilds the flow network from the input, and
 * verifies:
 * - the hard rules (no conflict, no duplicate, no existing pair, capacity, no more than k);
 * - the total added is a maximum flow: the certificate's cut has exactly that capacity;
 * - the count of applications at k against an upper bound derived from that maximum;
 * - loads and expertise are optimal for that coverage: the prices leave no residual arc with a
 *   negative reduced cost (complementary slackness), and the dual objective they give equals the
 *   primal cost (a zero duality gap), with a load weight large enough to make it lexicographic.
 */
import type { AssignmentCertificate, AssignmentResult } from "./assignment";
import type { AssignmentInput } from "./assignment-instance";

export interface AssignmentCheck {
  valid: boolean;
  problems: string[];
  /** W·Σ(load² − existing load²) + Σ pair cost of the added pairs. */
  primal: number;
  /** The dual objective of the certificate's prices: a lower bound on the primal of any assignment. */
  dual: number;
}

const key = (reviewerId: string, applicationId: string) => `${reviewerId}\u0000${applicationId}`;

export function checkAssignment(input: AssignmentInput, result: AssignmentResult): AssignmentCheck {
  const problems: string[] = [];
  const { certificate } = result;
  // Per application, the reviewers it may not get (conflict or already on it) and preference costs.
  const blocked = new Map<string, Set<string>>();
  for (const pair of [...input.conflicts, ...input.existing]) {
    const set = blocked.get(pair.applicationId) ?? new Set<string>();
    set.add(pair.reviewerId);
    blocked.set(pair.applicationId, set);
  }
  const existing = new Set(input.existing.map((pair) => key(pair.reviewerId, pair.applicationId)));
  const applications = new Map(input.applications.map((application) => [application.id, application]));
  const reviewers = new Map(input.reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const preference = new Map<string, Map<string, number>>();
  for (const p of input.preferences ?? []) {
    const costs = preference.get(p.applicationId) ?? new Map<string, number>();
    costs.set(p.reviewerId, (costs.get(p.reviewerId) ?? 0) + p.cost);
    preference.set(p.applicationId, costs);
  }
  const expertise = new Map(input.reviewers.map((reviewer) => [reviewer.id, new Set(reviewer.expertise)]));
  const tags = new Map(input.applications.map((application) => [application.id, [...new Set(application.tags)]]));
  const pairCost = (reviewerId: string, applicationId: string) => {
    const known = expertise.get(reviewerId)!;
    let shared = 0;
    for (const tag of tags.get(applicationId)!) if (known.has(tag)) shared++;
    return (preference.get(applicationId)?.get(reviewerId) ?? 0) - shared;
  };
  const eligible = (reviewerId: string, applicationId: string) => !blocked.get(applicationId)?.has(reviewerId);

  const before = countAssignments([...existing]);
  const need = new Map(
    input.applications.map((a) => [a.id, Math.max(0, input.k - (before.onApplication.get(a.id) ?? 0))]),
  );
  const baseLoad = (reviewerId: string) => before.ofReviewer.get(reviewerId) ?? 0;

  // Hard rules.
  const added = new Set<string>();
  const addedTo = new Map<string, string[]>();
  for (const { reviewerId, applicationId } of result.added) {
    const pair = key(reviewerId, applicationId);
    if (!applications.has(applicationId) || !reviewers.has(reviewerId)) problems.push(`unknown pair ${pair}`);
    else if (!eligible(reviewerId, applicationId)) problems.push(`${reviewerId} may not take ${applicationId}`);
    if (added.has(pair)) problems.push(`${reviewerId} added twice to ${applicationId}`);
    added.add(pair);
    addedTo.set(applicationId, [...(addedTo.get(applicationId) ?? []), reviewerId]);
  }
  if (problems.length > 0) return { valid: false, problems, primal: NaN, dual: NaN };
  const load = new Map(input.reviewers.map((r) => [r.id, baseLoad(r.id)]));
  for (const { reviewerId } of result.added) load.set(reviewerId, load.get(reviewerId)! + 1);
  for (const reviewer of input.reviewers) {
    const extra = load.get(reviewer.id)! - baseLoad(reviewer.id);
    if (extra > 0 && load.get(reviewer.id)! > reviewer.capacity) problems.push(`${reviewer.id} is over capacity`);
  }
  for (const [applicationId, wanted] of need) {
    if ((addedTo.get(applicationId)?.length ?? 0) > wanted) problems.push(`${applicationId} gets more than k`);
  }

  // Coverage and the uncovered list.
  const reaches = (id: string) => (addedTo.get(id)?.length ?? 0) === need.get(id);
  const short = input.applications.filter((a) => !reaches(a.id)).map((a) => a.id);
  const listed = result.uncovered.map((gap) => gap.applicationId);
  if ([...short].sort().join("\n") !== listed.join("\n")) problems.push("uncovered list does not match");
  const reached = input.applications.length - short.length;
  if (certificate.coverage.reachedK !== reached) problems.push("reachedK does not match");

  // Maximum flow: the cut's capacity bounds every flow; equal to the total added, it proves it maximal.
  const cutApplications = new Set(certificate.maximumFlow.cutApplications);
  const cutReviewers = new Set(certificate.maximumFlow.cutReviewers);
  let cutCapacity = 0;
  for (const application of input.applications) {
    if (!cutApplications.has(application.id)) cutCapacity += need.get(application.id)!;
    else
      for (const reviewer of input.reviewers) {
        if (!cutReviewers.has(reviewer.id) && eligible(reviewer.id, application.id)) cutCapacity++;
      }
  }
  for (const reviewer of input.reviewers) {
    if (cutReviewers.has(reviewer.id)) cutCapacity += Math.max(0, reviewer.capacity - baseLoad(reviewer.id));
  }
  if (cutCapacity !== result.added.length) problems.push(`cut capacity ${cutCapacity} ≠ ${result.added.length} added`);

  const bound = coverageBound(input, need, baseLoad, eligible, cutCapacity);
  if (certificate.coverage.upperBound !== bound) problems.push(`upper bound ${bound} expected`);
  if (certificate.coverage.gap !== bound - reached || bound < reached) problems.push("coverage gap does not hold");

  // Loads and expertise: prices, reduced costs and the duality gap.
  const { primal, dual, slackness } = duality(input, certificate, {
    need,
    reaches,
    baseLoad,
    eligible,
    pairCost,
    added,
    addedTo,
    load,
  });
  problems.push(...slackness);
  if (primal !== dual) problems.push(`duality gap ${primal - dual}`);
  let sumSquares = 0;
  for (const value of load.values()) sumSquares += value * value;
  for (const [id, value] of before.ofReviewer) if (!reviewers.has(id)) sumSquares += value * value;
  if (sumSquares !== certificate.objective.sumSquaredLoads) problems.push("Σ load² does not match");
  return { valid: problems.length === 0, problems, primal, dual };
}

function countAssignments(keys: string[]) {
  const onApplication = new Map<string, number>();
  const ofReviewer = new Map<string, number>();
  for (const pair of keys) {
    const [reviewerId, applicationId] = pair.split("\u0000") as [string, string];
    onApplication.set(applicationId, (onApplication.get(applicationId) ?? 0) + 1);
    ofReviewer.set(reviewerId, (ofReviewer.get(reviewerId) ?? 0) + 1);
  }
  return { onApplication, ofReviewer };
}

/** Those already at k, plus as many that could reach k alone as fit in the maximum flow, smallest needs first. */
function coverageBound(
  input: AssignmentInput,
  need: Map<string, number>,
  baseLoad: (id: string) => number,
  eligible: (reviewerId: string, applicationId: string) => boolean,
  maximumFlow: number,
): number {
  let bound = 0;
  const needs: number[] = [];
  for (const application of input.applications) {
    const wanted = need.get(application.id)!;
    if (wanted === 0) {
      bound++;
      continue;
    }
    const free = input.reviewers.filter((r) => r.capacity > baseLoad(r.id) && eligible(r.id, application.id)).length;
    if (free >= wanted) needs.push(wanted);
  }
  let used = 0;
  for (const wanted of needs.sort((x, y) => x - y)) {
    if (used + wanted > maximumFlow) break;
    used += wanted;
    bound++;
  }
  return bound;
}

interface Network {
  need: Map<string, number>;
  reaches: (applicationId: string) => boolean;
  baseLoad: (reviewerId: string) => number;
  eligible: (reviewerId: string, applicationId: string) => boolean;
  pairCost: (reviewerId: string, applicationId: string) => number;
  added: Set<string>;
  addedTo: Map<string, string[]>;
  load: Map<string, number>;
}

/**
 * Nodes: completion and shortfall supplies, applications wanting reviewers, reviewers, sink. Arcs:
 * supply → application (capacity: need), application → reviewer (1, pair cost), reviewer → sink one
 * arc per unit of spare capacity, the j-th of the reviewer's load costing W·(2j − 1).
 */
function duality(input: AssignmentInput, certificate: AssignmentCertificate, network: Network) {
  const { prices, objective } = certificate;
  const W = objective.loadWeight;
  const slackness: string[] = [];
  let primal = 0;
  let dual = 0;
  const price = (record: Record<string, number>, id: string) => {
    const value = Object.hasOwn(record, id) ? record[id] : undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) slackness.push(`no price for ${id}`);
    return value ?? 0;
  };
  const reviewerPrice = new Map(input.reviewers.map((reviewer) => [reviewer.id, price(prices.reviewers, reviewer.id)]));
  // An arc u → v of capacity `capacity` and cost `cost` carrying `flow`; labels are built only for a problem.
  const arc = (from: number, to: number, cost: number, capacity: number, flow: number, tail: string, head: string) => {
    const reduced = cost + from - to;
    if (flow < capacity && reduced < 0) slackness.push(`${tail} → ${head}: unused with reduced cost ${reduced}`);
    if (flow > 0 && reduced > 0) slackness.push(`${tail} → ${head}: used with reduced cost ${reduced}`);
    primal += cost * flow;
    dual += capacity * Math.min(0, reduced);
  };

  let completionSupply = 0;
  let shortfallSupply = 0;
  let costLow = Infinity;
  let costHigh = -Infinity;
  for (const application of input.applications) {
    const wanted = network.need.get(application.id)!;
    if (wanted === 0) continue;
    const pa = price(prices.applications, application.id);
    const taken = new Set(network.addedTo.get(application.id) ?? []);
    let count = 0;
    for (const reviewer of input.reviewers) {
      if (!network.eligible(reviewer.id, application.id)) continue;
      const cost = network.pairCost(reviewer.id, application.id);
      costLow = Math.min(costLow, cost);
      costHigh = Math.max(costHigh, cost);
      const flow = taken.has(reviewer.id) ? 1 : 0;
      count += flow;
      arc(pa, reviewerPrice.get(reviewer.id)!, cost, 1, flow, application.id, reviewer.id);
    }
    const supply = network.reaches(application.id) ? prices.completion : prices.shortfall;
    if (network.reaches(application.id)) completionSupply += count;
    else shortfallSupply += count;
    arc(supply, pa, 0, wanted, count, "supply", application.id);
  }
  for (const reviewer of input.reviewers) {
    const base = network.baseLoad(reviewer.id);
    const pr = reviewerPrice.get(reviewer.id)!;
    const load = network.load.get(reviewer.id)!;
    for (let j = base + 1; j <= reviewer.capacity; j++) {
      arc(pr, prices.sink, W * (2 * j - 1), 1, j <= load ? 1 : 0, reviewer.id, `sink (unit ${j})`);
    }
  }
  // −Σ b(v)·π(v): supplies at the two sources, their sum taken at the sink.
  dual -= completionSupply * prices.completion + shortfallSupply * prices.shortfall;
  dual += (completionSupply + shortfallSupply) * prices.sink;

  const added = completionSupply + shortfallSupply;
  const range = Number.isFinite(costLow) ? costHigh - costLow : 0;
  if (!(W > added * range)) slackness.push(`load weight ${W} does not exceed ${added} × ${range}`);
  let pairTotal = 0;
  for (const pair of network.added) {
    const [reviewerId, applicationId] = pair.split("\u0000") as [string, string];
    pairTotal += network.pairCost(reviewerId, applicationId);
  }
  if (pairTotal !== objective.pairCost) slackness.push("pair cost does not match");
  return { primal, dual, slackness };
}
