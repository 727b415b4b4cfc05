import { useSyncExternalStore } from "react";
import { formatDateTime } from "~/utils/format";

const noSubscription = () => () => {};

/** The viewer's time zone: unknown on the server (null), the browser's own once hydrated. */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

/**
 * A time in the cycle's zone (always) and, once JavaScript runs, in the viewer's own zone too:
 * the server cannot know the viewer's zone, the browser can.
 */
export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const viewerZone = useViewerTimeZone();
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>
      {viewerZone && viewerZone !== timeZone ? (
        <span className="muted"> — {formatDateTime(iso, viewerZone)} where you are</span>
      ) : null}
    </>
  );
}

const TICK_MS = 30_000;

function subscribeToTicks(onTick: () => void) {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
}

/** The current time to the half minute, so consecutive reads agree between ticks. */
function currentTick() {
  return Math.floor(Date.now() / TICK_MS) * TICK_MS;
}

function describeRemaining(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / (60 * 24));
  const hours = Math.floor((minutes % (60 * 24)) / 60);
  if (days > 0) return `${plural(days, "day")} ${plural(hours, "hour")}`;
  if (hours > 0) return `${plural(hours, "hour")} ${plural(minutes % 60, "minute")}`;
  return plural(minutes, "minute");
}

/** "Closes in 2 days 4 hours", shown in the last week; with JavaScript it keeps counting. */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: string }) {
  const now = useSyncExternalStore(subscribeToTicks, currentTick, () => new Date(serverNow).getTime());
  const remaining = new Date(deadline).getTime() - now;
  if (remaining <= 0) return <p className="countdown">The deadline has passed.</p>;
  if (remaining > 7 * 24 * 60 * 60 * 1000) return null;
  return <p className="countdown">Closes in {describeRemaining(remaining)}.</p>;
}
