/**
 * Every text and JSON column of the schema, classified by whether it can hold a person's email
 * address or name, and what account deletion does about it. A test compares this with the
 * database catalog: a migration that adds such a column fails it until the column is listed here.
 *
 * - `scrub`: text anyone may write about anyone (audit data, emails to others, notes, answers):
 *   on deletion every occurrence of the person's email and full name is replaced by their
 *   pseudonym (`deleted-<id>@deleted.invalid`, "Deleted account").
 * - `own-row`: the identity of the row's own person; deletion removes or anonymises their rows
 *   (`confirmAccountDeletion`), and another person's row keeps its own, even if the names match.
 * - `none`: holds no one's email or name (statuses, kinds, program texts staff write, hashes).
 */
export type PersonalDataClass = "scrub" | "own-row" | "none";

export const PERSONAL_DATA_COLUMNS: Record<string, Record<string, PersonalDataClass>> = {
  api_tokens: { name: "own-row", scope: "none" },
  eligibility_questions: {
    help: "none",
    label: "none",
    options: "none",
    qualifying: "none",
    reason: "none",
    // Staff's translations of the program texts beside them (0064).
    translations: "none",
  },
  meta_reviews: { body: "scrub" },
  oidc_identities: { issuer: "none", subject: "own-row" },
  review_bids: { bid: "none" },
  review_comments: { body: "scrub" },
  review_rounds: { name: "none" },
  // Scores, reviewer ids and counts of a stored ranking: no names.
  round_rankings: { fingerprint: "none", summary: "none" },
  // Staff write why they advanced applications; it may name an applicant.
  round_applications: { method: "none", reason: "scrub" },
  webhook_deliveries: { event: "none", last_error: "none", payload: "none", status: "none" },
  webhook_endpoints: { description: "none", events: "none", secret: "none", url: "none" },
  ally_profiles: {
    bio: "scrub",
    country: "none",
    disciplines: "none",
    display_name: "own-row",
    facet_tokens: "none",
    headline: "scrub",
    languages: "none",
    links: "scrub",
    region: "none",
    requested_visibility: "none",
    skills: "none",
    terms_version: "none",
    timezone: "none",
    visibility: "none",
  },
  app_meta: { key: "none", value: "none" },
  application_demographics: {
    career_stage: "none",
    disability: "none",
    first_generation: "none",
    gender: "none",
    region: "none",
  },
  application_events: { from_status: "none", kind: "none", to_status: "none" },
  applications: { answers: "scrub", decision_feedback: "scrub", pending_decision: "none", status: "none" },
  audit_log: { action: "none", data: "scrub", subject_id: "none", subject_type: "none" },
  campaign_assignments: { status: "none" },
  campaign_needs: { kind: "none", value: "none" },
  campaigns: {
    languages: "none",
    name: "none",
    slug: "none",
    status: "none",
    summary: "scrub",
    timezone: "none",
    // The summary's translations may name whom the summary names.
    translations: "scrub",
  },
  conflicts: { kind: "none", reason: "scrub", source: "none", value: "scrub" },
  contact_requests: { message: "scrub", status: "none" },
  cycle_questions: {
    condition: "none",
    help: "none",
    kind: "none",
    label: "none",
    options: "none",
    section: "none",
    // Which stage first asks the question: "loi" (the letter of intent) or "full".
    stage: "none",
    translations: "none",
  },
  cycle_reviewers: { expertise: "none" },
  cycles: { description: "none", name: "none", slug: "none", status: "none", timezone: "none", translations: "none" },
  email_outbox: {
    attachments: "scrub",
    html: "scrub",
    idempotency_key: "none",
    language: "none",
    // An SMTP refusal often quotes the address.
    last_error: "scrub",
    props: "scrub",
    recipient: "own-row",
    status: "none",
    subject: "scrub",
    template: "none",
    text: "scrub",
  },
  fellowship_reports: { answers: "scrub", status: "none" },
  fellowships: { end_reason: "scrub", status: "none" },
  files: { content_type: "none", filename: "own-row", sha256: "none" },
  interview_bookings: { cancelled_by: "none", status: "none" },
  interview_slots: { cancel_message: "scrub", location: "scrub" },
  interviews: { notes: "scrub", scores: "none" },
  invitations: { email: "scrub", kind: "none", payload: "scrub" },
  kysely_migration: { name: "none", timestamp: "none" },
  kysely_migration_lock: { id: "none" },
  match_runs: { host_optimal: "scrub", inputs: "scrub", result: "scrub" },
  org_members: { role: "none" },
  organizations: {
    country: "none",
    description: "none",
    focus_areas: "none",
    name: "none",
    slug: "none",
    website: "none",
  },
  positions: {
    description: "none",
    interview_timezone: "none",
    location: "none",
    skills: "none",
    title: "none",
  },
  rank_entries: { side: "none" },
  // The applicant names the referee (who may have an account of their own); the referee writes
  // the answers and names the letter's file, often after the applicant.
  reference_requests: {
    answers: "scrub",
    letter_filename: "scrub",
    letter_sha256: "none",
    referee_email: "scrub",
    referee_name: "scrub",
    relationship: "scrub",
    status: "none",
  },
  // Staff's questions for a cycle's referees: no person's data.
  referee_questions: { label: "none" },
  report_comments: { body: "scrub" },
  report_forms: { kind: "none", title: "none" },
  report_questions: { help: "none", kind: "none", label: "none", options: "none", section: "none" },
  review_assignments: { recusal_reason: "scrub", status: "none" },
  reviews: { comments: "scrub", overall_comment: "scrub", recommendation: "none", scores: "none" },
  rubric_criteria: { guidance: "none", name: "none" },
  sessions: { client_address: "own-row", user_agent: "own-row" },
  sign_in_failures: { client_address: "own-row", email: "own-row" },
  // Keyed by client address, tied to no account, and pruned after their window.
  throttle_events: { key: "none", scope: "none" },
  user_roles: { role: "none" },
  users: { email: "own-row", locale: "none", name: "own-row", password_hash: "none", timezone: "none" },
  verifications: { code_hash: "none", payload: "scrub", purpose: "none", target: "own-row" },
};

/** The columns whose text is searched and rewritten on deletion, as [table, column] pairs. */
export function scrubbedColumns(): [string, string][] {
  return Object.entries(PERSONAL_DATA_COLUMNS).flatMap(([table, columns]) =>
    Object.entries(columns)
      .filter(([, kind]) => kind === "scrub")
      .map(([column]): [string, string] => [table, column]),
  );
}
