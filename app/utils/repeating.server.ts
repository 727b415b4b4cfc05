export interface RepeatingTask {
  /** No new pass starts; resolves once the pass under way (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and again `everyMs` after each pass ends (passes never overlap), until stopped.
 * A graceful shutdown awaits `stop()` before closing the database, so no pass is cut mid-write.
 * The timer does not keep the process alive on its own.
 */
export function startRepeating(
  task: () => Promise<unknown>,
  { everyMs, onError }: { everyMs: number; onError: (error: unknown) => void },
): RepeatingTask {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    running = task()
      .catch(onError)
      .finally(() => {
        if (!stopped) schedule(everyMs);
      });
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
