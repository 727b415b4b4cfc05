/**
 * The shape of our JSON commands (`npm run --silent match|rank|assign -- file.json`): read one file,
 * parse it, hand the value to `handle`, print its answer as one JSON line. A bad argument, an unreadable
 * file, invalid JSON or a problem `handle` reports prints one line on stderr, nothing on stdout, and
 * exits with code 2.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";

export type CommandOutcome = { output: unknown } | { problem: string };

export function runJsonFileCommand(usage: string, handle: (json: unknown, file: string) => CommandOutcome): void {
  const outcome = outcomeOf(process.argv.slice(2), usage, handle);
  if ("output" in outcome) {
    process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
  } else {
    console.error(outcome.problem);
    process.exitCode = 2;
  }
}

function outcomeOf(args: readonly string[], usage: string, handle: (json: unknown, file: string) => CommandOutcome) {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return { problem: `usage: ${usage} (one file)` };
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
  try {
    return handle(json, file);
  } catch (error) {
    // The pure engines throw RangeError for input they cannot take (duplicate ids and the like).
    if (error instanceof RangeError) return { problem: `${file}: ${messageOf(error)}` };
    throw error;
  }
}

/** The first problem zod found, as `path: message`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join(".") : "the input";
  return `${where}: ${issue.message}`;
}

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replaceAll("\n", " ");
}
