/**
 * `npm run --silent match -- <file.json>` prints the applicant-optimal matching of the instance in
 * the file as one JSON line: {"matches":[…],"unmatched":[…],"blockingPairs":[…]}. blockingPairs
 * comes from the independent stability check, so it is normally empty. A bad argument or input
 * prints one line on stderr, nothing on stdout, and exits with code 2.
 */
import { runJsonFileCommand } from "~/utils/json-file-command";
import { findBlockingPairs, matchApplicantProposing } from "./engine";
import { validateMatchingInput } from "./engine-input";

runJsonFileCommand("npm run match -- <file.json>", (json, file) => {
  const validation = validateMatchingInput(json);
  if (!validation.ok) return { problem: `${file}: ${validation.error}` };
  const { matches, unmatched } = matchApplicantProposing(validation.input);
  const blockingPairs = findBlockingPairs(validation.input, matches);
  return { output: { matches, unmatched, blockingPairs } };
});
