import type { Server } from "node:http";

/**
 * Stops accepting connections and lets the requests in flight finish, for at most `graceMs`;
 * then cuts whatever is left. Idle keep-alive connections close at once, busy ones right after
 * their response (the Draining middleware answers with `Connection: close`). Returns how many
 * connections had to be cut.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<number> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    closed.then(() => "closed" as const),
    new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === "closed") return 0;
  const open = await new Promise<number>((resolve) => server.getConnections((_, count) => resolve(count)));
  server.closeAllConnections();
  await closed;
  return open;
}
