import { startSession } from "~/auth/session.server";
import { cookieHeader, createUser, type TestServer, type TestUser } from "./server";

/**
 * The kinds of visitor the authorization test plays. Each capability adds the people it needs
 * (an applicant with an application, a reviewer in a cycle's pool, …) with their fixtures.
 */
export const PERSONAS = ["anonymous", "user", "applicant", "reviewer", "partner", "staff"] as const;
export type Persona = (typeof PERSONAS)[number];

export interface PersonaSet {
  users: Record<Exclude<Persona, "anonymous">, TestUser>;
  /** A fresh session for the persona (so that a sign-out in one request does not affect the next). */
  cookie(persona: Persona): Promise<string | undefined>;
}

export async function createPersonas(server: TestServer): Promise<PersonaSet> {
  const users = {
    user: await createUser(server, { name: "Plain User" }),
    applicant: await createUser(server, { name: "Appli Cant" }),
    reviewer: await createUser(server, { name: "Revi Ewer" }),
    partner: await createUser(server, { name: "Part Ner" }),
    staff: await createUser(server, { staff: true, name: "Staff Member" }),
  };
  return {
    users,
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
