import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A timestamptz column: read as Date, written as Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column the database fills in on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column. */
export type Json<T> = ColumnType<T, string | T, string | T>;

/** Staff-written text in other languages, by language, holding only the fields translated (0064). */
export type ContentTranslations = Partial<Record<"en" | "es" | "fr" | "ar", Record<string, string | string[]>>>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  passwordHash: string | null;
  emailVerifiedAt: Timestamp | null;
  timezone: Generated<string>;
  /** The person's chosen language; null follows the browser. */
  locale: "en" | "es" | "fr" | "ar" | null;
  deletedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface UserRolesTable {
  userId: string;
  role: "staff";
  grantedBy: string | null;
  createdAt: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  tokenHash: Buffer;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  lastSeenAt: CreatedAt;
  userAgent: string | null;
  clientAddress: string | null;
}

export interface VerificationsTable {
  id: Generated<string>;
  purpose: string;
  target: string;
  codeHash: string;
  payload: Json<Record<string, unknown>> | null;
  expiresAt: Timestamp;
  attempts: Generated<number>;
  consumedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface SignInFailuresTable {
  id: Generated<string>;
  email: string;
  clientAddress: string;
  createdAt: CreatedAt;
}

export interface ThrottleEventsTable {
  id: Generated<string>;
  scope: string;
  key: string;
  createdAt: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  email: string;
  kind: string;
  subjectId: string | null;
  tokenHash: Buffer;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  acceptedBy: string | null;
  payload: Json<Record<string, unknown>> | null;
  createdAt: CreatedAt;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  idempotencyKey: string;
  recipient: string;
  template: string;
  props: Json<Record<string, unknown>>;
  subject: string;
  html: string;
  text: string;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  nextAttemptAt: CreatedAt;
  lockedUntil: Timestamp | null;
  /** The claim of the worker sending this message; fences its writes (0008). */
  claimToken: string | null;
  lastError: string | null;
  sentAt: Timestamp | null;
  attachments: Json<EmailAttachment[]> | null;
  /** The language the message was written in, fixed when it was queued (0063). */
  language: Generated<"en" | "es" | "fr" | "ar">;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

/** A file sent with an email; calendar invitations are `text/calendar; method=…`. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Json<Record<string, unknown>>;
  at: CreatedAt;
}

export interface AppMetaTable {
  key: string;
  value: Json<unknown>;
  createdAt: CreatedAt;
}

export type CycleStatus = "draft" | "open" | "closed" | "reviewing" | "matching" | "complete";
export type QuestionStage = "loi" | "full";
export type QuestionKind = "short_text" | "long_text" | "single_choice" | "multi_choice" | "url" | "file";
export type ApplicationStatus =
  | "loi_draft"
  | "loi_submitted"
  | "not_invited"
  | "draft"
  | "submitted"
  | "in_review"
  | "finalist"
  | "waitlisted"
  | "not_selected"
  | "matched"
  | "unmatched"
  | "accepted"
  | "declined"
  | "withdrawn";
/** An answer as stored: text, the chosen options, or (for a file question) the file's id. */
export type AnswerValue = string | string[];

/** A question shown only when another question's answer equals (or, for several choices, includes) one of these values. */
export interface QuestionCondition {
  questionId: string;
  operator: "equals" | "includes";
  values: string[];
}

export interface CyclesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  opensAt: Timestamp;
  closesAt: Timestamp;
  timezone: Generated<string>;
  status: Generated<CycleStatus>;
  blindReview: Generated<boolean>;
  reviewersPerApplication: Generated<number>;
  finalistTarget: number | null;
  reviewDueAt: Timestamp | null;
  rankingDeadline: Timestamp | null;
  /** Minutes released decisions wait, cancellable, before they are sent. */
  decisionDelayMinutes: Generated<number>;
  /** References asked of each applicant: at least `referencesMin`, at most `referencesMax` (0: none). */
  referencesMin: Generated<number>;
  referencesMax: Generated<number>;
  /** The last moment a letter is taken (null: two weeks after `closesAt`). */
  referenceDeadline: Timestamp | null;
  /** The letter-of-intent deadline: set, the cycle has two stages (LOI, then full application by invitation). */
  loiClosesAt: Timestamp | null;
  /** Staff's translations of the row's text, by language (0064); see app/i18n/content.ts. */
  translations: ColumnType<ContentTranslations, string | ContentTranslations | undefined, string | ContentTranslations>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface CycleQuestionsTable {
  id: Generated<string>;
  cycleId: string;
  position: number;
  section: Generated<string>;
  kind: QuestionKind;
  label: string;
  help: Generated<string>;
  required: Generated<boolean>;
  maxWords: number | null;
  options: Json<string[]>;
  identifying: Generated<boolean>;
  condition: Json<QuestionCondition | null> | null;
  /** The stage that first asks it: the LOI's questions are asked again, pre-filled, in the full application. */
  stage: Generated<QuestionStage>;
  /** Staff's translations of the row's text, by language (0064); see app/i18n/content.ts. */
  translations: ColumnType<ContentTranslations, string | ContentTranslations | undefined, string | ContentTranslations>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface EligibilityQuestionsTable {
  id: Generated<string>;
  cycleId: string;
  position: number;
  label: string;
  help: Generated<string>;
  options: Json<string[]>;
  /** The options that qualify. */
  qualifying: Json<string[]>;
  /** Said, kindly, to someone whose answer does not qualify. */
  reason: string;
  /** Staff's translations of the row's text, by language (0064); see app/i18n/content.ts. */
  translations: ColumnType<ContentTranslations, string | ContentTranslations | undefined, string | ContentTranslations>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

/** Counts only: how many were screened out by each question, never who. */
export interface EligibilityScreenoutsTable {
  questionId: string;
  cycleId: string;
  count: Generated<number>;
  updatedAt: CreatedAt;
}

export interface ApplicationsTable {
  id: Generated<string>;
  cycleId: string;
  applicantId: string;
  status: Generated<ApplicationStatus>;
  answers: Json<Record<string, AnswerValue>>;
  submittedAt: Timestamp | null;
  withdrawnAt: Timestamp | null;
  pendingDecision: "finalist" | "waitlisted" | "not_selected" | "not_invited" | null;
  pendingDecisionBy: string | null;
  decisionFeedback: string | null;
  decisionReleasedAt: Timestamp | null;
  matchedPositionId: string | null;
  placementAnsweredAt: Timestamp | null;
  decisionReleaseId: string | null;
  /** When staff invited this letter of intent to the full application. */
  invitedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface DecisionReleasesTable {
  id: Generated<string>;
  cycleId: string;
  releasedBy: string | null;
  sendAt: Timestamp;
  decisions: number;
  cancelledAt: Timestamp | null;
  cancelledBy: string | null;
  sentAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  applicationId: string;
  actorId: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  at: CreatedAt;
}

export interface FilesTable {
  id: Generated<string>;
  ownerId: string;
  applicationId: string | null;
  questionId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
  createdAt: CreatedAt;
}

export interface ApplicationDemographicsTable {
  applicationId: string;
  cycleId: string;
  region: string | null;
  gender: string | null;
  firstGeneration: string | null;
  disability: string | null;
  careerStage: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  website: string | null;
  description: Generated<string>;
  focusAreas: Json<string[]>;
  country: string | null;
  remoteFriendly: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface OrgMembersTable {
  organizationId: string;
  userId: string;
  role: Generated<"owner" | "member">;
  createdAt: CreatedAt;
}

export interface RubricCriteriaTable {
  id: Generated<string>;
  cycleId: string;
  roundId: string;
  position: number;
  name: string;
  guidance: Generated<string>;
  weight: number;
  scaleMin: Generated<number>;
  scaleMax: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

/** A round of review in a cycle: its own rubric, pool, k, blind setting and due date. */
export interface ReviewRoundsTable {
  id: Generated<string>;
  cycleId: string;
  position: number;
  name: string;
  reviewersPerApplication: number;
  blindReview: Generated<boolean>;
  reviewDueAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

/** A round's calibrated ranking as last computed, and what it was computed from (see ranking-store.server.ts). */
export interface RoundRankingsTable {
  roundId: string;
  fingerprint: string;
  summary: Json<unknown>;
  computedAt: CreatedAt;
}

/** One application's place in its round's stored ranking. */
export interface RoundRankingRowsTable {
  roundId: string;
  applicationId: string;
  rank: number | null;
  score: number | null;
  low: number | null;
  high: number | null;
  rawMean: number | null;
  reviewCount: number;
  residualSpread: number | null;
  disagreement: boolean;
  fewReviews: boolean;
}

/** The reviewers chosen for a round after the first (round 1 takes the cycle's whole panel). */
export interface RoundReviewersTable {
  roundId: string;
  userId: string;
  createdAt: CreatedAt;
}

export type AdvanceMethod = "top_n" | "cut_off" | "hand_picked";

/** An application advanced into a round after the first, with how and why. */
export interface RoundApplicationsTable {
  roundId: string;
  applicationId: string;
  method: AdvanceMethod;
  reason: string;
  advancedBy: string | null;
  createdAt: CreatedAt;
}

export interface CycleReviewersTable {
  cycleId: string;
  userId: string;
  capacity: number;
  expertise: Json<string[]>;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type ConflictKind = "application" | "email_domain" | "organization" | "person";

export interface ConflictsTable {
  id: Generated<string>;
  cycleId: string;
  reviewerId: string;
  kind: ConflictKind;
  value: string;
  source: "declared" | "recusal" | "staff";
  reason: Generated<string>;
  createdAt: CreatedAt;
}

export type AssignmentStatus = "assigned" | "submitted" | "recused";

export interface ReviewAssignmentsTable {
  id: Generated<string>;
  cycleId: string;
  roundId: string;
  applicationId: string;
  reviewerId: string;
  status: Generated<AssignmentStatus>;
  dueAt: Timestamp | null;
  recusalReason: string | null;
  assignedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type Recommendation = "strong_yes" | "yes" | "maybe" | "no";

export interface ReviewsTable {
  id: Generated<string>;
  assignmentId: string;
  scores: Json<Record<string, number>>;
  comments: Json<Record<string, string>>;
  recommendation: Recommendation | null;
  confidence: number | null;
  overallComment: Generated<string>;
  submittedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface PositionsTable {
  id: Generated<string>;
  cycleId: string;
  organizationId: string;
  title: string;
  description: Generated<string>;
  seats: Generated<number>;
  skills: Json<string[]>;
  location: Generated<string>;
  remote: Generated<boolean>;
  interviewTimezone: Generated<string>;
  interviewCutoffHours: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface PositionCandidatesTable {
  positionId: string;
  applicationId: string;
  interviewInvitedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface InterviewsTable {
  id: Generated<string>;
  positionId: string;
  applicationId: string;
  notes: Generated<string>;
  scores: Json<Record<string, number>> | null;
  updatedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface RankEntriesTable {
  id: Generated<string>;
  cycleId: string;
  side: "applicant" | "position";
  applicationId: string;
  positionId: string;
  rank: number;
  createdAt: CreatedAt;
}

export interface MatchRunsTable {
  id: Generated<string>;
  cycleId: string;
  inputs: Json<unknown>;
  result: Json<unknown>;
  hostOptimal: Json<unknown>;
  blockingPairs: number;
  runBy: string | null;
  createdAt: CreatedAt;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
}

export type ProfileVisibility = "public" | "network" | "staff";
export type ContactRequestStatus = "pending" | "accepted" | "declined";
export type CampaignStatus = "planning" | "active" | "closed";
export type CampaignAssignmentStatus = "proposed" | "accepted" | "declined" | "completed";
/** A date column (no time of day): read as a `YYYY-MM-DD` string (see db/client.ts). */
export type DateOnly = ColumnType<string, string, string>;

export interface AllyProfilesTable {
  id: Generated<string>;
  userId: string;
  displayName: string;
  headline: Generated<string>;
  bio: Generated<string>;
  disciplines: Generated<string[]>;
  skills: Generated<string[]>;
  languages: Generated<string[]>;
  country: string | null;
  region: string | null;
  timezone: Generated<string>;
  links: Json<{ label: string; url: string }[]>;
  hoursPerMonth: Generated<number>;
  availableFrom: DateOnly | null;
  availableUntil: DateOnly | null;
  visibility: Generated<ProfileVisibility>;
  /** What a staff import asked for, waiting for the person's own choice (null: nothing waits). */
  requestedVisibility: ProfileVisibility | null;
  termsVersion: string;
  consentedAt: Timestamp;
  withdrawnAt: Timestamp | null;
  search: ColumnType<string, never, never>;
  facetTokens: ColumnType<string[], never, never>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface ContactRequestsTable {
  id: Generated<string>;
  senderId: string;
  profileId: string;
  message: string;
  status: Generated<ContactRequestStatus>;
  answeredAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface CampaignsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  summary: Generated<string>;
  startsOn: DateOnly;
  endsOn: DateOnly;
  status: Generated<CampaignStatus>;
  languages: Generated<string[]>;
  timezone: Generated<string>;
  /** Staff's translations of the row's text, by language (0064); see app/i18n/content.ts. */
  translations: ColumnType<ContentTranslations, string | ContentTranslations | undefined, string | ContentTranslations>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface CampaignNeedsTable {
  id: Generated<string>;
  campaignId: string;
  kind: "discipline" | "skill";
  value: string;
  quantity: number;
  createdAt: CreatedAt;
}

export interface CampaignAssignmentsTable {
  id: Generated<string>;
  campaignId: string;
  profileId: string;
  needId: string | null;
  status: Generated<CampaignAssignmentStatus>;
  proposedBy: string | null;
  answeredAt: Timestamp | null;
  showPublicly: Generated<boolean>;
  replyTokenHash: Buffer | null;
  replyExpiresAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface InterviewSlotsTable {
  id: Generated<string>;
  positionId: string;
  startsAt: Timestamp;
  minutes: number;
  capacity: number;
  location: Generated<string>;
  cancelledAt: Timestamp | null;
  cancelMessage: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type BookingStatus = "booked" | "cancelled";

export interface InterviewBookingsTable {
  id: Generated<string>;
  positionId: string;
  applicationId: string;
  slotId: string;
  seat: number;
  status: BookingStatus;
  sequence: Generated<number>;
  cancelledBy: "finalist" | "host" | "program" | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  userId: string;
  tokenHash: Buffer;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface FellowshipTermsTable {
  cycleId: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
  cohortYear: number;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type ReportKind = "check_in" | "midterm" | "final";

export interface ReportFormsTable {
  id: Generated<string>;
  cycleId: string;
  kind: ReportKind;
  title: string;
  everyMonths: number | null;
  offsetMonths: number | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface ReportQuestionsTable {
  id: Generated<string>;
  formId: string;
  position: number;
  section: Generated<string>;
  kind: Exclude<QuestionKind, "file">;
  label: string;
  help: Generated<string>;
  required: Generated<boolean>;
  maxWords: number | null;
  options: Json<string[]>;
  identifying: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type FellowshipStatus = "active" | "completed" | "ended_early";

export interface FellowshipsTable {
  id: Generated<string>;
  applicationId: string;
  cycleId: string;
  positionId: string;
  organizationId: string;
  fellowId: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
  cohortYear: number;
  status: Generated<FellowshipStatus>;
  endedAt: Timestamp | null;
  endReason: string | null;
  alumniListingAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type ReportStatus = "open" | "submitted";

export interface FellowshipReportsTable {
  id: Generated<string>;
  fellowshipId: string;
  formId: string;
  dueOn: DateOnly;
  status: Generated<ReportStatus>;
  answers: ColumnType<Record<string, AnswerValue>, string | undefined, string>;
  submittedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export interface ReportCommentsTable {
  id: Generated<string>;
  reportId: string;
  authorId: string | null;
  body: string;
  createdAt: CreatedAt;
}

export interface ReviewCommentsTable {
  id: Generated<string>;
  cycleId: string;
  applicationId: string;
  authorId: string;
  body: string;
  clientToken: string;
  createdAt: CreatedAt;
}

export interface ReviewCommentNoticesTable {
  commentId: string;
  recipientId: string;
  sentAt: Timestamp | null;
}

export interface ApplicationLeadsTable {
  applicationId: string;
  reviewerId: string;
  designatedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface MetaReviewsTable {
  applicationId: string;
  cycleId: string;
  authorId: string | null;
  body: string;
  releaseToApplicant: Generated<boolean>;
  releaseMarkedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

export type Bid = "eager" | "willing" | "not_willing" | "conflict";

export interface ReviewBidsTable {
  cycleId: string;
  reviewerId: string;
  applicationId: string;
  bid: Bid;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface Database {
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  verifications: VerificationsTable;
  signInFailures: SignInFailuresTable;
  throttleEvents: ThrottleEventsTable;
  invitations: InvitationsTable;
  emailOutbox: EmailOutboxTable;
  auditLog: AuditLogTable;
  appMeta: AppMetaTable;
  cycles: CyclesTable;
  cycleQuestions: CycleQuestionsTable;
  eligibilityQuestions: EligibilityQuestionsTable;
  eligibilityScreenouts: EligibilityScreenoutsTable;
  applications: ApplicationsTable;
  applicationEvents: ApplicationEventsTable;
  decisionReleases: DecisionReleasesTable;
  files: FilesTable;
  applicationDemographics: ApplicationDemographicsTable;
  organizations: OrganizationsTable;
  orgMembers: OrgMembersTable;
  rubricCriteria: RubricCriteriaTable;
  reviewRounds: ReviewRoundsTable;
  roundReviewers: RoundReviewersTable;
  roundApplications: RoundApplicationsTable;
  cycleReviewers: CycleReviewersTable;
  conflicts: ConflictsTable;
  reviewAssignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
  positions: PositionsTable;
  positionCandidates: PositionCandidatesTable;
  interviews: InterviewsTable;
  rankEntries: RankEntriesTable;
  matchRuns: MatchRunsTable;
  allyProfiles: AllyProfilesTable;
  contactRequests: ContactRequestsTable;
  campaigns: CampaignsTable;
  campaignNeeds: CampaignNeedsTable;
  campaignAssignments: CampaignAssignmentsTable;
  interviewSlots: InterviewSlotsTable;
  interviewBookings: InterviewBookingsTable;
  calendarFeeds: CalendarFeedsTable;
  fellowshipTerms: FellowshipTermsTable;
  reportForms: ReportFormsTable;
  reportQuestions: ReportQuestionsTable;
  fellowships: FellowshipsTable;
  fellowshipReports: FellowshipReportsTable;
  reportComments: ReportCommentsTable;
  reviewComments: ReviewCommentsTable;
  reviewCommentNotices: ReviewCommentNoticesTable;
  applicationLeads: ApplicationLeadsTable;
  metaReviews: MetaReviewsTable;
  reviewBids: ReviewBidsTable;
  apiTokens: ApiTokensTable;
  webhookEndpoints: WebhookEndpointsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  oidcIdentities: OidcIdentitiesTable;
  referenceRequests: ReferenceRequestsTable;
  refereeQuestions: RefereeQuestionsTable;
  roundRankings: RoundRankingsTable;
  roundRankingRows: RoundRankingRowsTable;
}

export type ReferenceStatus = "requested" | "received" | "revoked";

export interface ReferenceRequestsTable {
  id: Generated<string>;
  applicationId: string;
  cycleId: string;
  refereeName: string;
  refereeEmail: string;
  relationship: string;
  status: Generated<ReferenceStatus>;
  tokenHash: Buffer;
  expiresAt: Timestamp;
  remindersSent: Generated<number>;
  lastRemindedAt: Timestamp | null;
  receivedAt: Timestamp | null;
  revokedAt: Timestamp | null;
  /** The referee's answers, by question key: the cycle's referee question's id, or a default question's key. */
  answers: Json<Record<string, string>> | null;
  letterFilename: string | null;
  letterSha256: string | null;
  letterSize: number | null;
  letterBytes: Buffer | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
  version: Generated<number>;
}

/** A cycle's own question for its referees (migration 0056); without any, the default three are asked. */
export interface RefereeQuestionsTable {
  id: Generated<string>;
  cycleId: string;
  position: number;
  label: string;
  required: Generated<boolean>;
  createdAt: CreatedAt;
}

export type ApiTokenScope = "read" | "read-write";

export interface ApiTokensTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenHash: Buffer;
  scope: ApiTokenScope;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  windowStartedAt: CreatedAt;
  windowCount: Generated<number>;
  createdAt: CreatedAt;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  url: string;
  description: Generated<string>;
  secret: string;
  events: string[];
  active: Generated<boolean>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export type WebhookDeliveryStatus = "pending" | "sending" | "delivered" | "failed";

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  endpointId: string;
  event: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  nextAttemptAt: CreatedAt;
  lockedUntil: Timestamp | null;
  claimToken: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  userId: string;
  createdAt: CreatedAt;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;
