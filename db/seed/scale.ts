import { sql } from "kysely";
import type { DB } from "../client";

const FIRST = [
  "Amina",
  "Bruno",
  "Chen",
  "Dara",
  "Elif",
  "Farah",
  "Gabriel",
  "Hana",
  "Ivan",
  "Jun",
  "Kofi",
  "Lucia",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zara",
];
const LAST = [
  "Abara",
  "Bianchi",
  "Cruz",
  "Dubois",
  "Eze",
  "Fischer",
  "Garcia",
  "Hassan",
  "Ito",
  "Jensen",
  "Kim",
  "Lopez",
  "Mensah",
  "Nguyen",
  "Okafor",
  "Petrov",
  "Quispe",
  "Rossi",
  "Singh",
  "Tanaka",
  "Usman",
  "Varga",
  "Wong",
  "Xu",
  "Yilmaz",
  "Zulu",
];
const ROLES = [
  "Security trainer",
  "Open-source developer",
  "Policy analyst",
  "Documentary maker",
  "Localizer",
  "Community organizer",
  "Researcher",
  "Interaction designer",
  "Educator",
  "Campaign strategist",
  "Data journalist",
  "Illustrator",
  "Accessibility designer",
  "Civic technologist",
  "Lawyer",
  "Librarian",
  "Podcaster",
  "Product manager",
  "Sysadmin",
  "Translator",
];
const TOPICS = [
  "encryption",
  "net neutrality",
  "copyright reform",
  "online privacy",
  "digital inclusion",
  "decentralization",
  "open innovation",
  "web literacy",
  "trustworthy AI",
  "election integrity",
  "internet shutdowns",
  "platform accountability",
  "data protection",
  "surveillance",
  "press freedom",
  "open data",
  "mesh networks",
  "open science",
  "children's privacy",
  "connected devices",
  "misinformation",
  "algorithmic bias",
  "public-interest tech",
  "digital security",
  "community networks",
  "free software",
  "open education",
  "accessibility",
  "biometrics",
  "smart cities",
  "content moderation",
  "encryption backdoors",
  "spectrum policy",
  "zero-rating",
  "digital identity",
  "e-waste",
  "right to repair",
  "open hardware",
  "archives",
  "cookies",
];
const VERBS = [
  "teach",
  "research",
  "write about",
  "build tools for",
  "campaign on",
  "make films about",
  "translate guides on",
  "design websites about",
  "organise workshops on",
  "advise NGOs on",
  "mentor newcomers in",
  "test software for",
];
const AUDIENCES = [
  "journalists",
  "librarians",
  "students",
  "activists",
  "small businesses",
  "public servants",
  "teachers",
  "parents",
  "newsrooms",
  "lawmakers",
  "researchers",
  "artists",
  "developers",
  "community radio",
  "health workers",
];
const DISCIPLINES = ["technologist", "researcher", "policy", "journalist", "artist", "educator", "organizer"];
const SKILLS = [
  "software development",
  "design",
  "data visualization",
  "research",
  "policy analysis",
  "storytelling",
  "organizing",
  "campaign design",
  "curriculum and training",
  "security training",
  "localization",
  "python",
  "javascript",
  "rust",
  "accessibility",
  "mesh networking",
  "threat modelling",
  "video editing",
  "illustration",
  "fundraising",
  "mentoring",
  "documentation",
  "testing",
  "translation",
];
const LANGUAGES = [
  "English",
  "Spanish",
  "French",
  "Arabic",
  "Portuguese",
  "Swahili",
  "Hindi",
  "Chinese",
  "German",
  "Russian",
  "Indonesian",
  "Yoruba",
  "Turkish",
  "Japanese",
  "Bengali",
  "Korean",
  "Italian",
  "Polish",
];
const REGIONS: [string, string, string][] = [
  ["Sub-Saharan Africa", "Nigeria", "Africa/Lagos"],
  ["Sub-Saharan Africa", "Kenya", "Africa/Nairobi"],
  ["North America", "United States", "America/New_York"],
  ["North America", "Canada", "America/Toronto"],
  ["East & Southeast Asia", "Indonesia", "Asia/Jakarta"],
  ["South Asia", "India", "Asia/Kolkata"],
  ["Middle East & North Africa", "Egypt", "Africa/Cairo"],
  ["Middle East & North Africa", "Tunisia", "Africa/Tunis"],
  ["Europe", "Germany", "Europe/Berlin"],
  ["Europe", "Poland", "Europe/Warsaw"],
  ["Latin America & Caribbean", "Brazil", "America/Sao_Paulo"],
  ["Latin America & Caribbean", "Colombia", "America/Bogota"],
  ["Oceania", "Australia", "Australia/Sydney"],
];

const BATCH = 10_000;

/** One batch of allies start..end: their users, then their profiles (rows already there are kept). */
async function insertBatch(trx: DB, start: number, end: number) {
  await sql`
    insert into users (email, name, email_verified_at)
    select 'ally-' || n || '@scale.demo.test', (${FIRST}::text[])[1 + n % 26] || ' ' || (${LAST}::text[])[1 + (n / 26) % 26], now()
    from generate_series(${start}::int, ${end}::int) n
    on conflict (email) do nothing`.execute(trx);
  // Hashing n gives each ally a spread of attributes without a random generator.
  return sql`
    insert into ally_profiles (user_id, display_name, headline, bio, disciplines, skills, languages, country, region,
      timezone, hours_per_month, available_from, available_until, visibility, terms_version, consented_at, updated_at)
    select u.id, u.name,
      (${ROLES}::text[])[1 + h1 % ${ROLES.length}] || ' for ' || (${TOPICS}::text[])[1 + h2 % ${TOPICS.length}],
      'I ' || (${VERBS}::text[])[1 + h3 % ${VERBS.length}] || ' ' || (${TOPICS}::text[])[1 + h2 % ${TOPICS.length}] || ' with '
        || (${AUDIENCES}::text[])[1 + h1 % ${AUDIENCES.length}] || '. I also ' || (${VERBS}::text[])[1 + h1 % ${VERBS.length}]
        || ' ' || (${TOPICS}::text[])[1 + h3 % ${TOPICS.length}] || ' for ' || (${AUDIENCES}::text[])[1 + h2 % ${AUDIENCES.length}]
        || '. Based in ' || r.country || ', ' || (${FIRST}::text[])[1 + n % 26] || ' has worked in the open since '
        || (2000 + h3 % 25) || '.',
      array_remove(array[(${DISCIPLINES}::text[])[1 + h1 % 7], case when h2 % 3 = 0 then (${DISCIPLINES}::text[])[1 + h3 % 7] end], null),
      array(select distinct s from unnest(array[(${SKILLS}::text[])[1 + h1 % ${SKILLS.length}], (${SKILLS}::text[])[1 + h2 % ${SKILLS.length}],
        (${SKILLS}::text[])[1 + h3 % ${SKILLS.length}], (${SKILLS}::text[])[1 + (h1 / 7) % ${SKILLS.length}]]) s),
      array(select distinct l from unnest(array['English', (${LANGUAGES}::text[])[1 + h2 % ${LANGUAGES.length}],
        (${LANGUAGES}::text[])[1 + h3 % ${LANGUAGES.length}]]) l where l <> 'English' or h1 % 5 <> 0),
      r.country, r.region, r.tz,
      (array[0, 4, 8, 10, 16, 20, 40])[1 + h3 % 7],
      case when h1 % 4 = 0 then current_date + (h2 % 120) end,
      case when h2 % 5 = 0 then current_date + 120 + (h3 % 300) end,
      (array['public', 'public', 'network', 'network', 'staff'])[1 + h3 % 5],
      'scale', now(), now() - (h1 % 1000) * interval '1 hour'
    from generate_series(${start}::int, ${end}::int) n
    cross join lateral (select abs(hashtext('a' || n)) as h1, abs(hashtext('b' || n)) as h2, abs(hashtext('c' || n)) as h3) h
    cross join lateral (select (${REGIONS.map((r) => r[0])}::text[])[1 + h2 % ${REGIONS.length}] as region,
      (${REGIONS.map((r) => r[1])}::text[])[1 + h2 % ${REGIONS.length}] as country,
      (${REGIONS.map((r) => r[2])}::text[])[1 + h2 % ${REGIONS.length}] as tz) r
    join users u on u.email = 'ally-' || n || '@scale.demo.test'
    on conflict (user_id) do nothing`.execute(trx);
}

/**
 * Fills the database with `count` synthetic allies (users and consented profiles) for benchmarks,
 * in batches generated inside PostgreSQL. Deterministic: ally n always looks the same, and rows
 * already there (by email) are kept, so running it twice adds nothing.
 */
export async function seedScaleAllies(db: DB, count: number, log: (line: string) => void = () => {}): Promise<number> {
  // Into an empty table, a large load builds the secondary indexes once at the end (GIN builds in
  // bulk many times faster than row by row); constraint indexes stay.
  const { rows: existing } = await sql<{ n: number | string }>`select count(*) as n from ally_profiles`.execute(db);
  const deferred =
    count >= 100_000 && Number(existing[0]!.n) === 0
      ? (
          await sql<{ name: string; definition: string }>`
          select indexname as name, indexdef as definition from pg_indexes
          where schemaname = current_schema() and tablename = 'ally_profiles'
            and indexname not in (select conname from pg_constraint where conrelid = 'ally_profiles'::regclass)`.execute(
            db,
          )
        ).rows
      : [];
  const load = async (executor: DB, inBatchTransactions: boolean) => {
    let added = 0;
    for (let start = 1; start <= count; start += BATCH) {
      const end = Math.min(count, start + BATCH - 1);
      const batch = (trx: DB) => insertBatch(trx, start, end);
      const result = inBatchTransactions ? await executor.transaction().execute(batch) : await batch(executor);
      added += Number(result.numAffectedRows ?? 0);
      log(`allies ${start}–${end}: ${added} added so far`);
    }
    return added;
  };
  let added: number;
  if (deferred.length) {
    // One transaction from dropping the indexes to building them again: a crash or a kill midway
    // rolls it all back (DDL is transactional in PostgreSQL), never leaving a table without its
    // indexes. The table is locked meanwhile, which an empty table being filled can afford.
    added = await db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = 0`.execute(trx);
      await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      for (const index of deferred) await sql`drop index ${sql.ref(index.name)}`.execute(trx);
      const loaded = await load(trx, false);
      for (const index of deferred) {
        log(`index ${index.name}`);
        await sql.raw(index.definition).execute(trx);
      }
      return loaded;
    });
  } else {
    added = await load(db, true);
  }
  await sql`analyze users`.execute(db);
  await sql`analyze ally_profiles`.execute(db);
  return added;
}
