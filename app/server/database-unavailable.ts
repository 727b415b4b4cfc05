import { data, type ServerBuild } from "@remix-run/node";
import { AmbiguousCommitError, isDatabaseUnavailable } from "#db/connection-errors";

/** Seconds a client is asked to wait when the database cannot serve it (a restart takes a few). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

type Handler = (args: never) => unknown;

/**
 * The build with every loader and action guarded: when the database is down, restarting, out
 * of connections or too slow, the request answers 503 with Retry-After and a page that says so,
 * instead of a 500 that claims a bug. A change whose COMMIT lost its connection says that it may
 * have been saved (every resubmit in this portal is idempotent, so sending it again is safe).
 */
export function withDatabaseUnavailableAs503(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module };
      if (module.loader) module.loader = guard(module.loader as Handler) as typeof module.loader;
      if (module.action) module.action = guard(module.action as Handler) as typeof module.action;
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}

function guard(handler: Handler): Handler {
  return async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn(`Database unavailable, answered 503: ${error instanceof Error ? error.message : String(error)}`);
      throw data(
        {
          message:
            error instanceof AmbiguousCommitError
              ? "We lost the connection to our database while saving, so we cannot tell whether your change was kept. Please check in a few seconds, and send it again if it is missing."
              : "The portal cannot reach its database for a moment. Please try again in a few seconds.",
        },
        { status: 503, headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
      );
    }
  };
}
