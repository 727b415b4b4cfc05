import type { Language } from "~/i18n/languages";
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { Role } from "~/auth/roles";
import { readSessionToken, resolveSessionUser } from "~/auth/session.server";
import { forbidden } from "./http.server";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  language: Language | null;
  roles: Role[];
  sessionId: string;
}

const USER_MEMO = "session-user";

/**
 * The signed-in user of this request, or null. Loaders of one request share the answer through
 * the request's context, so a page costs one session lookup however many loaders run.
 */
export function getOptionalUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  let pending = context.memo.get(USER_MEMO) as Promise<SessionUser | null> | undefined;
  if (!pending) {
    pending = loadSessionUser(request, context);
    context.memo.set(USER_MEMO, pending);
  }
  return pending;
}

async function loadSessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const token = await readSessionToken(request, context.config);
  if (!token) return null;
  // Session, user and roles in one query: every signed-in page pays it.
  return resolveSessionUser(context.db, token);
}

/** The path to come back to after signing in: where the user was going. */
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getOptionalUser(request, context);
  if (!user) {
    const params = new URLSearchParams({ redirectTo: currentPath(request) });
    throw redirect(`/login?${params}`);
  }
  return user;
}

export function hasRole(user: Pick<SessionUser, "roles"> | null, role: Role): boolean {
  return user?.roles.includes(role) ?? false;
}

export async function requireStaff(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!hasRole(user, Role.staff)) forbidden();
  return user;
}

/** Pages for people on a review panel (which cycles they review is checked per object). */
export async function requireReviewer(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!hasRole(user, Role.reviewer)) forbidden("You are not on a review panel.");
  return user;
}

/** Pages for host partners (which organization's objects they may touch is checked per object). */
export async function requirePartner(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!hasRole(user, Role.partner)) forbidden("You are not a member of a host organization.");
  return user;
}

/** For sign-in and sign-up pages: someone already signed in goes home. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect("/");
}
