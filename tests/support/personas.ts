import { startSession } from "~/auth/session.server";
import { saveProfile } from "~/network/profiles.server";
import { cookieHeader, createUser, type TestServer, type TestUser } from "./server";

/**
 * The kinds of visitor the authorization test plays. Each capability adds the people it needs
 * (an applicant with an application, a reviewer in a cycle's pool, …) with their fixtures.
 */
export const PERSONAS = ["anonymous", "user", "applicant", "reviewer", "partner", "ally", "fellow", "staff"] as const;
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
    partner: await createUser(server, { name: "Host Partner" }),
    ally: await createUser(server, { name: "Network Ally" }),
    // Becomes a fellow when the authorization test gives them an accepted placement.
    fellow: await createUser(server, { name: "Fellow Person" }),
    staff: await createUser(server, { staff: true, name: "Staff Member" }),
  };
  // A partner is a member of a host organization; an ally has a consented directory profile.
  const organization = await server.db
    .insertInto("organizations")
    .values({ slug: `host-${users.partner.id.slice(0, 8)}`, name: "Persona Host", focusAreas: "[]" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await server.db
    .insertInto("orgMembers")
    .values({ organizationId: organization.id, userId: users.partner.id })
    .execute();
  await saveProfile(server.db, users.ally.id, {
    intent: "save",
    displayName: "Network Ally",
    headline: "An ally for the authorization test",
    bio: "",
    disciplines: ["organizer"],
    skills: ["organizing"],
    languages: ["English"],
    country: undefined,
    region: undefined,
    timezone: "UTC",
    links: [],
    hoursPerMonth: 4,
    availableFrom: undefined,
    availableUntil: undefined,
    visibility: "network",
    consent: "on",
    version: 0,
  });
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
