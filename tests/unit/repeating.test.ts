import { describe, expect, it } from "vitest";
import { startRepeating } from "~/utils/repeating.server";

describe("startRepeating", () => {
  it("stops only after the pass under way has finished, and starts no pass after", async () => {
    const events: string[] = [];
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const task = startRepeating(
      async () => {
        events.push("start");
        started();
        await new Promise<void>((resolve) => (finish = resolve));
        events.push("end");
      },
      { everyMs: 1, onError: (error) => events.push(`error ${String(error)}`) },
    );
    await running;
    const stopped = task.stop().then(() => events.push("stopped"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["start"]);
    finish();
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["start", "end", "stopped"]);
  });

  it("reports a failed pass and runs again", async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const task = startRepeating(
      async () => {
        passes += 1;
        if (passes === 1) throw new Error("database restarting");
      },
      { everyMs: 1, onError: (error) => errors.push(error) },
    );
    await expect.poll(() => passes).toBeGreaterThanOrEqual(2);
    await task.stop();
    expect(errors).toEqual([new Error("database restarting")]);
  });
});
