// `npm run build`'s second step: the commands compiled into build/cli (see app/server/build-commands.ts).
import { buildCommands } from "~/server/build-commands";

buildCommands(process.cwd());
