// What `npm start` runs (through tsx) when the build is missing or older than the sources:
// the Vite build if it is stale, and the compiled commands and server (see app/server/build.ts).
import { ensureBuild } from "~/server/build";

ensureBuild(process.cwd());
