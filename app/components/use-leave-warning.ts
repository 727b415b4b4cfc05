import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect } from "react";

/**
 * Asks before leaving a page with unsaved input: another page of the site (the browser's own
 * dialog) or the tab itself (reload, close). Form submissions of the page are not held: they go
 * to the page's own address, and their redirects are not navigations a blocker sees.
 */
export function useLeaveWarning(when: boolean, message: string): void {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(message)) blocker.proceed();
    else blocker.reset();
  }, [blocker, message]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!when) return;
        event.preventDefault();
        // Older browsers show the dialog only when returnValue is set.
        event.returnValue = "";
      },
      [when],
    ),
  );
}
