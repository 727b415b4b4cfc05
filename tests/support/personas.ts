import { startSession } from "~/auth/session.server";
import { cookieHeader, createUser, type TestServer } from "./server";

/**
 * The kinds of visitor the authorization test plays. Each later capability adds the people it
 * needs (an applicant with an application, a reviewer in a cycle's pool, …) with their fixtures.
 */
export const PERSONAS = ["anonymous", "user", "staff"] as const;
export type Persona = (typeof PERSONAS)[number];

export interface PersonaSet {
  /** A fresh session for the persona (so that a sign-out in one request does not affect the next). */
  cookie(persona: Persona): Promise<string | undefined>;
}

export async function createPersonas(server: TestServer): Promise<PersonaSet> {
  const users = {
    user: await createUser(server),
    staff: await createUser(server, { staff: true }),
  };
  return {
    async cookie(persona) {
      if (persona === "anonymous") return undefined;
      const setCookie = await startSession(server.db, server.config, users[persona].id, {
        userAgent: "authz",
        clientAddress: null,
      });
      return cookieHeader(setCookie);
    },
  };
}
