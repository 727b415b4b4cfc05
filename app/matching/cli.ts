/**
 * `npm run --silent match -- <file.json>` prints the applicant-optimal matching of the instance in
 * the file as one JSON line: {"matches":[…],"unmatched":[…],"blockingPairs":[…]}. blockingPairs
 * comes from the independent stability check, so it is normally empty. A bad argument or input
 * prints one line on stderr, nothing on stdout, and exits with code 2.
 */
import { readFileSync } from "node:fs";
import { findBlockingPairs, matchApplicantProposing } from "./engine";
import { validateMatchingInput } from "./engine-input";

function matchFile(args: readonly string[]): { output: string } | { problem: string } {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return { problem: "usage: npm run match -- <file.json> (one file)" };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { problem: `cannot read ${file}: ${messageOf(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `${file} is not valid JSON: ${messageOf(error)}` };
  }
  const validation = validateMatchingInput(json);
  if (!validation.ok) return { problem: `${file}: ${validation.error}` };
  const { matches, unmatched } = matchApplicantProposing(validation.input);
  const blockingPairs = findBlockingPairs(validation.input, matches);
  return { output: JSON.stringify({ matches, unmatched, blockingPairs }) };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replaceAll("\n", " ");
}

const outcome = matchFile(process.argv.slice(2));
if ("output" in outcome) {
  process.stdout.write(`${outcome.output}\n`);
} else {
  console.error(outcome.problem);
  process.exitCode = 2;
}
