/**
 * `npm run --silent assign -- <instance.json>` runs the reviewer assignment (assignment.ts) on
 * {"k":2,"applications":[{"id","tags"}],"reviewers":[{"id","capacity","expertise"}],
 * "conflicts":[{"reviewerId","applicationId"}],"existing":[…],"preferences":[…] (optional)} and prints
 * one JSON line: {"assignments":[{"applicationId","reviewerId"}],"uncovered":[{"applicationId",
 * "missing","reason"}],"certificate":{…, "check":{"valid","problems","primal","dual","gap"}}}; the
 * check is the independent one (assignment-check.ts). Invalid input: one line on stderr, exit code 2.
 */
import { z } from "zod";
import { firstIssue, runJsonFileCommand } from "~/utils/json-file-command";
import { assignReviewers } from "./assignment";
import { checkAssignment } from "./assignment-check";
import { MAX_PAIR_COST } from "./assignment-instance";

const id = z.string().min(1, "needs an id");
const pair = z.strictObject({ reviewerId: id, applicationId: id });
const count = z.number().int("must be a whole number").min(0, "must be 0 or more");
const AssignInputSchema = z.strictObject({
  k: count,
  applications: z.array(z.strictObject({ id, tags: z.array(z.string()) })),
  reviewers: z.array(z.strictObject({ id, capacity: count, expertise: z.array(z.string()) })),
  conflicts: z.array(pair),
  existing: z.array(pair),
  preferences: z
    .array(pair.extend({ cost: z.number().int("must be a whole number").min(-MAX_PAIR_COST).max(MAX_PAIR_COST) }))
    .optional(),
});

runJsonFileCommand("npm run assign -- <instance.json>", (json, file) => {
  const parsed = AssignInputSchema.safeParse(json);
  if (!parsed.success) return { problem: `${file}: ${firstIssue(parsed.error)}` };
  const input = parsed.data;
  const result = assignReviewers(input);
  const check = checkAssignment(input, result);
  return {
    output: {
      assignments: result.added,
      uncovered: result.uncovered.map((gap) => ({
        applicationId: gap.applicationId,
        missing: gap.needed - gap.assigned,
        reason: gap.reason,
      })),
      certificate: { ...result.certificate, check: { ...check, gap: check.primal - check.dual } },
    },
  };
});
