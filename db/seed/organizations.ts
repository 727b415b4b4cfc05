import type { DB } from "../client";
import { upsertUsers } from "./accounts";

/** Six fictional hosts, after the kinds of host DOMAIN.md describes. */
export const DEMO_ORGANIZATIONS = [
  {
    slug: "datos-libres",
    name: "Fundación Datos Libres",
    website: "https://datoslibres.example.org",
    country: "Colombia",
    remoteFriendly: false,
    focusAreas: ["Online Privacy & Security", "Surveillance"],
    description: "A digital-rights NGO in Bogotá that investigates state and corporate surveillance in Latin America.",
    partner: { name: "Lena Fischer", email: "partner@demo.test" },
  },
  {
    slug: "northway-security-lab",
    name: "Northway Security Research Lab",
    website: "https://northway.example.edu",
    country: "Canada",
    remoteFriendly: false,
    focusAreas: ["Online Privacy & Security", "Threat forensics"],
    description: "A university lab in Toronto that does forensic research on targeted threats against civil society.",
    partner: { name: "Marc Leblanc", email: "host.northway@partners.demo.test" },
  },
  {
    slug: "mtandao-centre",
    name: "Mtandao Centre for Internet Law and Policy",
    website: "https://mtandao.example.org",
    country: "Kenya",
    remoteFriendly: true,
    focusAreas: ["Digital Inclusion", "Elections", "Platform law"],
    description:
      "A Nairobi policy centre working on elections, platform accountability and internet law in East Africa.",
    partner: { name: "Wairimu Njoroge", email: "host.mtandao@partners.demo.test" },
  },
  {
    slug: "liberties-federation",
    name: "Digital Liberties Federation",
    website: "https://liberties-federation.example.eu",
    country: "Belgium",
    remoteFriendly: true,
    focusAreas: ["Online Privacy & Security", "Open Innovation"],
    description: "A Brussels federation of digital-liberties groups working on data protection and copyright reform.",
    partner: { name: "Pieter Claes", email: "host.liberties@partners.demo.test" },
  },
  {
    slug: "newsroom-shield",
    name: "Newsroom Shield Collective",
    website: "https://newsroomshield.example.org",
    country: "United States",
    remoteFriendly: true,
    focusAreas: ["Online Privacy & Security", "Decentralization"],
    description: "A San Francisco collective that builds security tools for journalists and trains newsrooms.",
    partner: { name: "Dana Whitfield", email: "host.shield@partners.demo.test" },
  },
  {
    slug: "lakeshore-library",
    name: "Lakeshore Public Library Digital Commons",
    website: "https://lakeshorelibrary.example.org",
    country: "United States",
    remoteFriendly: false,
    focusAreas: ["Web Literacy", "Digital Inclusion"],
    description: "A public library in Chicago running digital-literacy and privacy workshops for its neighbourhoods.",
    partner: { name: "Gloria Reyes", email: "host.lakeshore@partners.demo.test" },
  },
] as const;

/** The demo's host organizations, each with a partner member; returns organization ids by slug. */
export async function seedOrganizations(db: DB, passwordHash: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const partners = await upsertUsers(
    db,
    DEMO_ORGANIZATIONS.map((org) => org.partner),
    passwordHash,
  );
  for (const org of DEMO_ORGANIZATIONS) {
    await db
      .insertInto("organizations")
      .values({
        slug: org.slug,
        name: org.name,
        website: org.website,
        country: org.country,
        remoteFriendly: org.remoteFriendly,
        focusAreas: JSON.stringify(org.focusAreas),
        description: org.description,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
    const row = await db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", org.slug)
      .executeTakeFirstOrThrow();
    ids.set(org.slug, row.id);
    const userId = partners.get(org.partner.email.toLowerCase());
    if (userId) {
      await db
        .insertInto("orgMembers")
        .values({ organizationId: row.id, userId, role: "owner" })
        .onConflict((oc) => oc.columns(["organizationId", "userId"]).doNothing())
        .execute();
    }
  }
  return ids;
}
