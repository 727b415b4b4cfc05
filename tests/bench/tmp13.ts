import { measureMatchCli, measureStartup } from "./scale-startup";
const print = (n: string, v: string, u: string) => console.log(`${n}: ${v} ${u}`);
if (process.argv[2] === "match") measureMatchCli(print, process.argv.slice(3));
else await measureStartup(print);
