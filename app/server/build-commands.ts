import { createRequire } from "node:module";
import path from "node:path";
import type * as Esbuild from "esbuild";

/** The commands compiled at build (`npm run match`, …, and `npm start`'s server): their entry points, by output name. */
export const COMMANDS = {
  match: "app/matching/cli.ts",
  rank: "app/review/rank-cli.ts",
  assign: "app/review/assign-cli.ts",
  serve: "app/server/serve.ts",
  // Not a command: the worker thread that fits a large round's ranking (app/review/fit-worker.server.ts).
  "calibration-worker": "app/review/calibration-worker.ts",
} as const;

export function commandOutputs(root: string): string[] {
  return Object.keys(COMMANDS).map((name) => path.join(root, "build", "cli", `${name}.js`));
}

/**
 * Compiles the commands into `build/cli/<name>.js` (one ES module each, packages left to
 * node_modules), so they start on bare Node instead of transpiling with tsx at every run, which
 * was most of a run's time.
 */
export function buildCommands(root: string): void {
  // Loaded only when a build is due, so a start with a current build never loads esbuild.
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof Esbuild;
  buildSync({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(COMMANDS).map(([name, entry]) => [name, path.join(root, entry)])),
    outdir: path.join(root, "build", "cli"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Modules loaded with import() (the email templates) go in chunks of their own, so the
    // packages only they use are loaded when first needed, not at every start.
    splitting: true,
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}
