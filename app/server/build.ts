import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildCommands, commandOutputs } from "./build-commands";

const SOURCE_DIRS = ["app", "db", "emails", "public"];
const SOURCE_FILES = ["vite.config.ts", "package.json", "package-lock.json"];

function newestMtime(root: string, entries: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const child of readdirSync(target)) visit(path.join(target, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

/**
 * The path of the server build, and whether it or the compiled commands are older than the
 * sources (or missing). Only file times are read: a current build costs a start nothing more.
 */
export function buildStatus(root: string): { serverBuild: string; stale: boolean; commandsStale: boolean } {
  const serverBuild = path.join(root, "build", "server", "index.js");
  const sources = newestMtime(root, [...SOURCE_DIRS, ...SOURCE_FILES]);
  const olderThanSources = (file: string) => !existsSync(file) || statSync(file).mtimeMs < sources;
  return {
    serverBuild,
    stale: olderThanSources(serverBuild),
    commandsStale: commandOutputs(root).some(olderThanSources),
  };
}

/**
 * Builds the app with Vite and compiles the commands when there is no build or the sources
 * changed since the last one; a current build is used as it is.
 */
export function ensureBuild(root: string, log: (line: string) => void = console.log): string {
  const { serverBuild, stale, commandsStale } = buildStatus(root);
  if (!stale && !commandsStale) return serverBuild;
  log("Building the portal (first start, or the sources changed)…");
  if (stale) viteBuild(root);
  buildCommands(root);
  return serverBuild;
}

function viteBuild(root: string): void {
  const cli = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");
  // Under Vitest the config leaves the Remix plugin out; the build must not inherit that.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const result = spawnSync(process.execPath, [cli, "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("The build failed; see the output above.");
}
