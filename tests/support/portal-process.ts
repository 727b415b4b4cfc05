import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";

/** A free TCP port on loopback (listen on 0, read it, let go). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PortalProcess {
  child: ChildProcess;
  /** Everything it printed so far, standard output and error together. */
  output: () => string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Runs one of the project's commands (`app/server/main.ts`, `app/cli/…`) as `npm` would, with this environment only. */
export function runNode(script: string, env: Record<string, string>, args: string[] = []): PortalProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the portal the way `npm start` does, and waits until it says where it runs. */
export async function startPortalProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<PortalProcess> {
  // npm start's own launcher (under tsx, which it ignores: it loads the compiled server).
  const portal = runNode("app/server/start.js", env);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start within ${timeoutMs} ms:\n${portal.output()}`)),
      timeoutMs,
    );
    const check = () => {
      if (portal.output().includes("Demo sign-ins") || portal.output().includes("is running at")) {
        clearTimeout(timer);
        // The sign-ins are printed right after the address.
        setTimeout(resolve, 200);
      }
    };
    portal.child.stdout!.on("data", check);
    void portal.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${portal.output()}`));
    });
  });
  return portal;
}

/** Sends SIGTERM and resolves with the exit code. */
export async function stopPortalProcess(portal: PortalProcess): Promise<number | null> {
  if (portal.child.exitCode === null) portal.child.kill("SIGTERM");
  return portal.exited;
}

/** Waits until something accepts TCP connections on `port`; fails if `child` exits first. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (attempt > 200) throw new Error(`nothing listens on ${port}: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGTERM to a helper process (a proxy, a pooler), and wait until it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
