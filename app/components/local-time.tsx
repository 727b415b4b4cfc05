import { useSyncExternalStore } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormat } from "./use-format";

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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <time dateTime={iso}>{format.dateTime(iso, timeZone)}</time>
      {viewerZone && viewerZone !== timeZone ? (
        <span className="muted"> — {t("time.whereYouAre", { time: format.dateTime(iso, viewerZone) })}</span>
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

function describeRemaining(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / (60 * 24));
  const hours = Math.floor((minutes % (60 * 24)) / 60);
  if (days > 0) return `${t("time.days", { count: days })} ${t("time.hours", { count: hours })}`;
  if (hours > 0) return `${t("time.hours", { count: hours })} ${t("time.minutes", { count: minutes % 60 })}`;
  return t("time.minutes", { count: minutes });
}

/** "Closes in 2 days 4 hours", shown in the last week; with JavaScript it keeps counting. */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: string }) {
  const { t } = useTranslation();
  const now = useSyncExternalStore(subscribeToTicks, currentTick, () => new Date(serverNow).getTime());
  const remaining = new Date(deadline).getTime() - now;
  if (remaining <= 0) return <p className="countdown">{t("time.deadlinePassed")}</p>;
  if (remaining > 7 * 24 * 60 * 60 * 1000) return null;
  return <p className="countdown">{t("time.closesIn", { remaining: describeRemaining(t, remaining) })}</p>;
}
