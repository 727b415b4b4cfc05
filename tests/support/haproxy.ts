import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, stopChild, waitForPort } from "./portal-process";

/**
 * The haproxy configuration the README recommends in front of several instances: health checks
 * on /healthz (which says "draining" at SIGTERM), a new server connection per request (so no
 * request is sent on a keep-alive connection an instance is closing), and a failed connection
 * retried on another instance. Nothing is retried once a server has the request.
 */
export function haproxyConfig(listenPort: number, backends: number[]): string {
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  retries 3
  option redispatch 1
  retry-on conn-failure
  option http-server-close
  option forwardfor

frontend portal
  bind 127.0.0.1:${listenPort}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 300ms fall 1 rise 1
${backends.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check`).join("\n")}
`;
}

export interface Haproxy {
  url: string;
  stop(): Promise<void>;
}

/** Runs Debian's haproxy (installed by .ci/run) in the foreground on a free port. */
export async function startHaproxy(backends: number[], port?: number): Promise<Haproxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "owf-haproxy-"));
  port ??= await freePort();
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig(port, backends));
  const child: ChildProcess = spawn(process.env.HAPROXY_PATH ?? "haproxy", ["-db", "-f", config], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  await waitForPort(port, child, () => errors);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
