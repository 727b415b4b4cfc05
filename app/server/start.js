// `npm start`: the portal compiled at build (build/cli/serve.js) on bare Node. Transpiling the
// server with tsx at every start took most of a warm start; tsx is now loaded only to build, on
// a fresh checkout or when a source is newer than the build, so the quick start stays one
// command. Plain JavaScript, because nothing compiles this file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const compiled = path.join(root, "build", "cli", "serve.js");

let server = existsSync(compiled) ? await import(pathToFileURL(compiled).href) : undefined;
const status = server?.buildStatus(root);
if (!server || status.stale || status.commandsStale) {
  const build = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "app", "cli", "build.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // A new file under a new URL: the one imported above, if any, was the stale build.
  server = await import(`${pathToFileURL(compiled).href}?built=${Date.now()}`);
}
server.runPortalCommand();
