/**
 * The server as `npm start` runs it: compiled at build into build/cli/serve.js (see
 * build-commands.ts), loaded by start.js after it has asked this build whether it is current,
 * so a start with a current build transpiles nothing and never loads tsx.
 */
export { runPortalCommand } from "./main";
export { buildStatus } from "./build";
