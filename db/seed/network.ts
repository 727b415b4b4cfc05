import { sql } from "kysely";
import type { DB } from "../client";
import { TERMS_VERSION } from "~/network/terms";
import { upsertUsers } from "./accounts";

/** [name, country, region, time zone, languages] of sixty fictional allies. */
const PEOPLE: [string, string, string, string, string[]][] = [
  ["Tomás Rivera", "Mexico", "Latin America & Caribbean", "America/Mexico_City", ["Spanish", "English"]],
  ["Ngozi Adeyemi", "Nigeria", "Sub-Saharan Africa", "Africa/Lagos", ["English", "Yoruba"]],
  ["Wanjiru Kamau", "Kenya", "Sub-Saharan Africa", "Africa/Nairobi", ["English", "Swahili"]],
  ["Baraka Otieno", "Kenya", "Sub-Saharan Africa", "Africa/Nairobi", ["Swahili", "English"]],
  ["Adjoa Mensah", "Ghana", "Sub-Saharan Africa", "Africa/Accra", ["English", "French"]],
  ["Moussa Keita", "Senegal", "Sub-Saharan Africa", "Africa/Dakar", ["French", "English"]],
  ["Zanele Khumalo", "South Africa", "Sub-Saharan Africa", "Africa/Johannesburg", ["English"]],
  ["Hirut Bekele", "Ethiopia", "Sub-Saharan Africa", "Africa/Addis_Ababa", ["English"]],
  ["Kwabena Asante", "Ghana", "Sub-Saharan Africa", "Africa/Accra", ["English"]],
  ["Folake Balogun", "Nigeria", "Sub-Saharan Africa", "Africa/Lagos", ["English", "Yoruba", "French"]],
  ["Rania Saleh", "Egypt", "Middle East & North Africa", "Africa/Cairo", ["Arabic", "English"]],
  ["Youssef Amrani", "Morocco", "Middle East & North Africa", "Africa/Casablanca", ["Arabic", "French"]],
  ["Leila Nasser", "Lebanon", "Middle East & North Africa", "Asia/Beirut", ["Arabic", "French", "English"]],
  ["Karim Haddad", "Jordan", "Middle East & North Africa", "Asia/Amman", ["Arabic", "English"]],
  ["Elif Yildiz", "Türkiye", "Middle East & North Africa", "Europe/Istanbul", ["Turkish", "English"]],
  ["Samir Bouzid", "Tunisia", "Middle East & North Africa", "Africa/Tunis", ["Arabic", "French"]],
  ["Marta Kowalczyk", "Poland", "Europe", "Europe/Warsaw", ["Polish", "English", "German"]],
  ["Jonas Weber", "Germany", "Europe", "Europe/Berlin", ["German", "English"]],
  ["Camille Laurent", "France", "Europe", "Europe/Paris", ["French", "English"]],
  ["Giulia Romano", "Italy", "Europe", "Europe/Rome", ["Italian", "English"]],
  ["Pieter de Vries", "Netherlands", "Europe", "Europe/Amsterdam", ["English", "German"]],
  ["Inês Carvalho", "Portugal", "Europe", "Europe/Lisbon", ["Portuguese", "Spanish", "English"]],
  ["Sofía Martín", "Spain", "Europe", "Europe/Madrid", ["Spanish", "English"]],
  ["Anna Lindqvist", "Sweden", "Europe", "Europe/Stockholm", ["English"]],
  ["Dmitri Volkov", "Estonia", "Europe", "Europe/Tallinn", ["Russian", "English"]],
  ["Siobhán Byrne", "Ireland", "Europe", "Europe/Dublin", ["English"]],
  ["Lukas Novak", "Czechia", "Europe", "Europe/Prague", ["German", "English"]],
  ["Aoife Kelly", "Belgium", "Europe", "Europe/Brussels", ["English", "French"]],
  ["Maya Johnson", "United States", "North America", "America/New_York", ["English", "Spanish"]],
  ["Ethan Brooks", "United States", "North America", "America/Chicago", ["English"]],
  ["Olivia Chen", "Canada", "North America", "America/Toronto", ["English", "Chinese", "French"]],
  ["Noah Running Bear", "United States", "North America", "America/Denver", ["English"]],
  ["Grace Thompson", "United States", "North America", "America/Los_Angeles", ["English"]],
  ["Jamal Carter", "United States", "North America", "America/New_York", ["English"]],
  ["Sarah Tremblay", "Canada", "North America", "America/Montreal", ["French", "English"]],
  ["Valentina Gómez", "Colombia", "Latin America & Caribbean", "America/Bogota", ["Spanish", "English"]],
  ["Mateo Silva", "Argentina", "Latin America & Caribbean", "America/Argentina/Buenos_Aires", ["Spanish"]],
  ["Juliana Costa", "Brazil", "Latin America & Caribbean", "America/Sao_Paulo", ["Portuguese", "English"]],
  ["Rafael Quispe", "Peru", "Latin America & Caribbean", "America/Lima", ["Spanish"]],
  ["Daniela Herrera", "Chile", "Latin America & Caribbean", "America/Santiago", ["Spanish", "English"]],
  ["Andrés Morales", "Ecuador", "Latin America & Caribbean", "America/Guayaquil", ["Spanish"]],
  ["Keisha Williams", "Jamaica", "Latin America & Caribbean", "America/Jamaica", ["English"]],
  ["Priya Nair", "India", "South Asia", "Asia/Kolkata", ["English", "Hindi"]],
  ["Arjun Mehta", "India", "South Asia", "Asia/Kolkata", ["Hindi", "English"]],
  ["Farhana Rahman", "Bangladesh", "South Asia", "Asia/Dhaka", ["Bengali", "English"]],
  ["Sanjay Perera", "Sri Lanka", "South Asia", "Asia/Colombo", ["English"]],
  ["Ayesha Siddiqui", "Pakistan", "South Asia", "Asia/Karachi", ["English", "Hindi"]],
  ["Nima Sherpa", "Nepal", "South Asia", "Asia/Kathmandu", ["English", "Hindi"]],
  ["Lin Wei", "Taiwan", "East & Southeast Asia", "Asia/Taipei", ["Chinese", "English"]],
  ["Yuki Sato", "Japan", "East & Southeast Asia", "Asia/Tokyo", ["Japanese", "English"]],
  ["Min-jun Park", "South Korea", "East & Southeast Asia", "Asia/Seoul", ["Korean", "English"]],
  ["Siti Rahmawati", "Indonesia", "East & Southeast Asia", "Asia/Jakarta", ["Indonesian", "English"]],
  ["Nguyen Thi Mai", "Vietnam", "East & Southeast Asia", "Asia/Ho_Chi_Minh", ["English"]],
  ["Maria Santos", "Philippines", "East & Southeast Asia", "Asia/Manila", ["English"]],
  ["Arif Hakim", "Malaysia", "East & Southeast Asia", "Asia/Kuala_Lumpur", ["Indonesian", "English", "Chinese"]],
  ["Chaiya Srisuk", "Thailand", "East & Southeast Asia", "Asia/Bangkok", ["English"]],
  ["Aroha Ngata", "New Zealand", "Oceania", "Pacific/Auckland", ["English"]],
  ["Liam O'Connor", "Australia", "Oceania", "Australia/Sydney", ["English"]],
  ["Mere Tuilagi", "Fiji", "Oceania", "Pacific/Fiji", ["English"]],
  ["Hannah Scott", "Australia", "Oceania", "Australia/Melbourne", ["English", "Japanese"]],
];

/** [headline, disciplines, skills, bio]: the kinds of ally DOMAIN.md's taxonomies describe, cycled over the people. */
const KINDS: [string, string[], string[], string][] = [
  [
    "Digital security trainer for journalists",
    ["educator", "technologist"],
    ["security training", "curriculum and training"],
    "I run encryption and threat-modelling workshops for newsrooms and human-rights defenders.",
  ],
  [
    "Storyteller and documentary maker",
    ["artist", "journalist"],
    ["storytelling", "design"],
    "I make short films and illustrated explainers about privacy and surveillance.",
  ],
  [
    "Localizer of privacy tools",
    ["technologist"],
    ["localization", "software development"],
    "I translate and adapt open-source security tools and guides for new languages.",
  ],
  [
    "Telecom policy analyst",
    ["policy", "researcher"],
    ["policy analysis", "research"],
    "I write comments to regulators on net neutrality, zero-rating and spectrum.",
  ],
  [
    "Community organizer for digital rights",
    ["organizer"],
    ["organizing", "campaign design"],
    "I build coalitions and run petitions and call days for an open internet.",
  ],
  [
    "Copyright and platform-law researcher",
    ["policy", "researcher"],
    ["policy analysis", "research"],
    "I research copyright reform, upload filters and platform liability in Europe.",
  ],
  [
    "Interaction designer",
    ["artist", "technologist"],
    ["design", "data visualization"],
    "I design campaign sites and data visualizations that people can use on any phone.",
  ],
  [
    "Open-source developer",
    ["technologist"],
    ["software development", "data visualization"],
    "I build open-source tools for civil society, from secure messaging bots to data pipelines.",
  ],
  [
    "Digital-literacy educator",
    ["educator", "organizer"],
    ["curriculum and training", "organizing"],
    "I teach digital literacy and privacy in public libraries and schools.",
  ],
  [
    "Campaign strategist",
    ["organizer", "journalist"],
    ["campaign design", "storytelling"],
    "I plan advocacy campaigns and the stories that carry them.",
  ],
];

const VISIBILITY = ["public", "public", "network", "public", "network", "staff"] as const;

/** Three campaigns of DOMAIN.md, with needs: [slug, name, summary, status, start offset days, length days, tz, languages, needs]. */
const CAMPAIGNS = [
  {
    slug: "encrypt",
    name: "Stand Up for Encryption",
    summary: "A pledge and a wave of trainings and stories that explain why strong encryption protects everyone.",
    status: "active",
    startIn: 7,
    days: 90,
    timezone: "UTC",
    languages: ["English", "Spanish", "French"],
    needs: [
      { kind: "skill", value: "security training", quantity: 4 },
      { kind: "skill", value: "storytelling", quantity: 3 },
      { kind: "skill", value: "localization", quantity: 3 },
    ],
  },
  {
    slug: "net-neutrality",
    name: "Protect Net Neutrality",
    summary: "Petitions, a call tool and comments to regulators so that every site loads on equal terms.",
    status: "active",
    startIn: -20,
    days: 60,
    timezone: "America/New_York",
    languages: ["English"],
    needs: [
      { kind: "skill", value: "policy analysis", quantity: 3 },
      { kind: "skill", value: "organizing", quantity: 4 },
    ],
  },
  {
    slug: "fix-copyright",
    name: "Fix Copyright in Europe",
    summary: "Copyright rules that leave room for remixing, research and the public domain, without upload filters.",
    status: "planning",
    startIn: 40,
    days: 120,
    timezone: "Europe/Brussels",
    languages: ["English", "German", "French"],
    needs: [
      { kind: "discipline", value: "policy", quantity: 3 },
      { kind: "discipline", value: "artist", quantity: 2 },
    ],
  },
] as const;

function emailOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${slug}@allies.demo.test`;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Sixty allies across disciplines, regions and languages (ally@demo.test among them), and three campaigns. */
export async function seedNetwork(db: DB, passwordHash: string): Promise<void> {
  const people = PEOPLE.map(([name], index) => ({ name, email: index === 0 ? "ally@demo.test" : emailOf(name) }));
  const ids = await upsertUsers(db, people, passwordHash);
  const profiles = PEOPLE.map(([name, country, region, timezone, languages], index) => {
    const [headline, disciplines, skills, bio] = KINDS[index % KINDS.length]!;
    return {
      userId: ids.get(people[index]!.email)!,
      displayName: name,
      headline,
      bio,
      disciplines,
      skills: index % 3 === 0 ? [...skills, KINDS[(index + 3) % KINDS.length]![2][0]!] : skills,
      languages,
      country,
      region,
      timezone,
      links: JSON.stringify(index % 4 === 0 ? [{ label: "Portfolio", url: `https://example.org/${index}` }] : []),
      hoursPerMonth: [4, 8, 10, 16, 20, 0][index % 6]!,
      availableFrom: index % 5 === 0 ? day(30) : null,
      availableUntil: index % 7 === 0 ? day(200) : null,
      // The demo ally is public, so a visitor finds them too.
      visibility: index === 0 ? "public" : VISIBILITY[index % VISIBILITY.length]!,
      termsVersion: TERMS_VERSION,
      consentedAt: sql<Date>`now() - ${`${index} days`}::interval`,
    };
  });
  await db
    .insertInto("allyProfiles")
    .values(profiles)
    .onConflict((oc) => oc.column("userId").doNothing())
    .execute();

  for (const campaign of CAMPAIGNS) {
    await db
      .insertInto("campaigns")
      .values({
        slug: campaign.slug,
        name: campaign.name,
        summary: campaign.summary,
        status: campaign.status,
        startsOn: day(campaign.startIn),
        endsOn: day(campaign.startIn + campaign.days),
        timezone: campaign.timezone,
        languages: [...campaign.languages],
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
    const { id } = await db
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", campaign.slug)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("campaignNeeds")
      .values(campaign.needs.map((need) => ({ campaignId: id, ...need })))
      .onConflict((oc) => oc.columns(["campaignId", "kind", "value"]).doNothing())
      .execute();
  }
  await seedAssignments(db);
}

/** Some staffing already under way: a few accepted on each active campaign, one request waiting for the demo ally. */
async function seedAssignments(db: DB): Promise<void> {
  const plan: [string, string, string, "accepted" | "proposed"][] = [
    ["encrypt", "Ngozi Adeyemi", "security training", "accepted"],
    ["encrypt", "Adjoa Mensah", "storytelling", "accepted"],
    ["encrypt", "Hirut Bekele", "localization", "proposed"],
    ["net-neutrality", "Tomás Rivera", "organizing", "proposed"],
    ["net-neutrality", "Karim Haddad", "policy analysis", "accepted"],
    ["net-neutrality", "Wanjiru Kamau", "organizing", "accepted"],
  ];
  for (const [slug, name, needValue, status] of plan) {
    const row = await db
      .selectFrom("campaigns")
      .innerJoin("campaignNeeds", "campaignNeeds.campaignId", "campaigns.id")
      .select(["campaigns.id as campaignId", "campaignNeeds.id as needId"])
      .where("campaigns.slug", "=", slug)
      .where("campaignNeeds.value", "=", needValue)
      .executeTakeFirst();
    const profile = await db.selectFrom("allyProfiles").select("id").where("displayName", "=", name).executeTakeFirst();
    if (!row || !profile) continue;
    await db
      .insertInto("campaignAssignments")
      .values({
        campaignId: row.campaignId,
        profileId: profile.id,
        needId: row.needId,
        status,
        showPublicly: status === "accepted",
        answeredAt: status === "accepted" ? sql<Date>`now()` : null,
      })
      .onConflict((oc) => oc.columns(["campaignId", "profileId"]).doNothing())
      .execute();
  }
}
