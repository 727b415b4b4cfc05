/**
 * `npm run --silent rank -- <reviews.json>` ranks applications with the calibrated model
 * (calibration.ts). Input: {"reviews":[{"application":"a1","reviewer":"r1","score":72.5}]}. Output,
 * one JSON line: {"ranking":[{"application","score","low","high","reviews"}],"reviewerBias":[{"reviewer",
 * "bias","low","high","reviews"}]}, best first, numbers rounded to six decimals. Invalid input: one
 * line on stderr, exit code 2.
 */
import { z } from "zod";
import { firstIssue, runJsonFileCommand } from "~/utils/json-file-command";
import { calibrate } from "./calibration";

const RankInputSchema = z.strictObject({
  reviews: z.array(
    z.strictObject({
      application: z.string().min(1, "needs an application id"),
      reviewer: z.string().min(1, "needs a reviewer id"),
      score: z.number().finite("must be a finite number"),
    }),
  ),
});

const round = (value: number) => Math.round(value * 1e6) / 1e6;

runJsonFileCommand("npm run rank -- <reviews.json>", (json, file) => {
  const parsed = RankInputSchema.safeParse(json);
  if (!parsed.success) return { problem: `${file}: ${firstIssue(parsed.error)}` };
  const seen = new Set<string>();
  for (const { application, reviewer } of parsed.data.reviews) {
    const pair = JSON.stringify([application, reviewer]);
    if (seen.has(pair)) return { problem: `${file}: ${reviewer} reviews ${application} twice` };
    seen.add(pair);
  }
  const { applications, reviewers } = calibrate(
    parsed.data.reviews.map((review) => ({
      applicationId: review.application,
      reviewerId: review.reviewer,
      score: review.score,
    })),
  );
  return {
    output: {
      ranking: applications.map((row) => ({
        application: row.applicationId,
        score: round(row.score),
        low: round(row.low),
        high: round(row.high),
        reviews: row.reviews,
      })),
      reviewerBias: reviewers.map((row) => ({
        reviewer: row.reviewerId,
        bias: round(row.bias),
        low: round(row.low),
        high: round(row.high),
        reviews: row.reviews,
      })),
    },
  };
});
