import { sql } from "kysely";
import { reviewAndIntegrationsOf } from "./export-review-integrations.server";
import type { DB } from "#db/client";
import type { AnswerValue } from "#db/types";
import { DEMOGRAPHIC_FIELDS, DEMOGRAPHIC_QUESTIONS } from "~/applications/demographics";
import { groupBy } from "~/utils/group-by";
import { fellowshipYearOf } from "./export-fellowship-year.server";

/**
 * Where each column that points at a person (`table.column`, a foreign key to `users`) shows up
 * in their export. A test reads the database catalog: a new such column fails it until it is
 * added here and to the export below.
 */
export const EXPORTED_USER_REFERENCES: Record<string, string> = {
  "ally_profiles.user_id": "directoryProfile",
  "application_events.actor_id": "applications[].events, and actions for changes to others' applications",
  "applications.applicant_id": "applications",
  "applications.pending_decision_by": "actions (decision.set)",
  "audit_log.actor_id": "actions",
  "calendar_feeds.user_id": "calendarAddresses",
  "campaign_assignments.proposed_by": "campaignProposalsMade",
  "conflicts.reviewer_id": "conflictsDeclared",
  "contact_requests.sender_id": "messagesSent",
  "cycle_reviewers.user_id": "reviewerPanels",
  "round_reviewers.user_id": "reviewerPanels (rounds)",
  "round_applications.advanced_by": "actions (round.advance)",
  "decision_releases.released_by": "decisionReleases",
  "decision_releases.cancelled_by": "decisionReleases",
  "fellowships.fellow_id": "fellowships, fellowshipReports",
  "files.owner_id": "files",
  "interview_slots.created_by": "interviewTimesAdded",
  "interviews.updated_by": "interviewNotesWritten",
  "invitations.invited_by": "invitationsSent",
  "invitations.accepted_by": "invitationsAccepted",
  "match_runs.run_by": "matchRuns",
  "match_runs.published_by": "matchRuns",
  "org_members.user_id": "organizations",
  "report_comments.author_id": "reportCommentsWritten",
  "review_assignments.reviewer_id": "reviewsWritten",
  "review_assignments.assigned_by": "actions (assignment)",
  "sessions.user_id": "sessions",
  "user_roles.user_id": "roles",
  "user_roles.granted_by": "rolesGranted",
  "review_comments.author_id": "discussionPosts",
  "review_comment_notices.recipient_id": "discussionNotices",
  "application_leads.reviewer_id": "leadReviewerOf",
  "application_leads.designated_by": "leadReviewersChosen",
  "meta_reviews.author_id": "metaReviewsWritten",
  "meta_reviews.release_marked_by": "metaReviewsMarkedForRelease",
  "review_bids.reviewer_id": "reviewBids",
  "api_tokens.user_id": "apiTokens",
  "oidc_identities.user_id": "singleSignOn",
  "webhook_endpoints.created_by": "webhookEndpointsAdded",
};

type Answers = Record<string, AnswerValue>;

/** Answers as people read them: each with its question's text, in the form's order; files by name. */
function readableAnswers(
  answers: Answers,
  questions: { id: string; label: string; kind: string }[],
  fileNames: Map<string, string>,
) {
  const known = new Set(questions.map((question) => question.id));
  const asked = questions
    .filter((question) => answers[question.id] !== undefined)
    .map((question) => {
      const value = answers[question.id]!;
      return question.kind === "file"
        ? { question: question.label, file: fileNames.get(String(value)) ?? "a file since removed" }
        : { question: question.label, answer: value };
    });
  const removed = Object.entries(answers)
    .filter(([id]) => !known.has(id))
    .map(([, value]) => ({ question: "A question since removed from the form", answer: value }));
  return [...asked, ...removed];
}

/** Everything the portal keeps about one person, as they may download it (no secrets, no hashes). */
export async function exportMyData(db: DB, userId: string) {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "timezone", "locale", "emailVerifiedAt", "createdAt", "updatedAt"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const ownApplications = db.selectFrom("applications").select("id").where("applicantId", "=", userId);
  const [
    profile,
    applications,
    questions,
    demographics,
    files,
    events,
    sessions,
    roles,
    rolesGranted,
    memberships,
    sent,
    received,
    assignments,
    panels,
    conflicts,
    reviews,
    rankings,
    interviewNotes,
    invitationsSent,
    invitationsAccepted,
    proposals,
    releases,
    matchRuns,
    actions,
    emails,
    signInFailures,
  ] = await Promise.all([
    db
      .selectFrom("allyProfiles")
      .selectAll()
      .select(sql<string>`search::text`.as("search"))
      .where("userId", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("applications")
      .innerJoin("cycles", "cycles.id", "applications.cycleId")
      .select([
        "applications.id",
        "applications.cycleId",
        "cycles.name as cycle",
        "applications.status",
        "applications.answers",
        "applications.submittedAt",
        "applications.withdrawnAt",
        "applications.createdAt",
      ])
      .where("applicantId", "=", userId)
      .execute(),
    db
      .selectFrom("cycleQuestions")
      .select(["id", "cycleId", "label", "kind"])
      .where("cycleId", "in", db.selectFrom("applications").select("cycleId").where("applicantId", "=", userId))
      .orderBy("position")
      .execute(),
    db
      .selectFrom("applicationDemographics")
      .select(["applicationId", ...DEMOGRAPHIC_FIELDS, "updatedAt"])
      .where("applicationId", "in", ownApplications)
      .execute(),
    db
      .selectFrom("files")
      .select(["id", "applicationId", "filename", "contentType", "sizeBytes", "createdAt"])
      .where("ownerId", "=", userId)
      .execute(),
    db
      .selectFrom("applicationEvents")
      .select(["applicationId", "kind", "fromStatus", "toStatus", "at"])
      .where("applicationId", "in", ownApplications)
      .orderBy("at")
      .execute(),
    db
      .selectFrom("sessions")
      .select(["createdAt", "lastSeenAt", "userAgent", "clientAddress"])
      .where("userId", "=", userId)
      .execute(),
    db.selectFrom("userRoles").select(["role", "createdAt"]).where("userId", "=", userId).execute(),
    db.selectFrom("userRoles").select(["role", "createdAt"]).where("grantedBy", "=", userId).execute(),
    db
      .selectFrom("orgMembers")
      .innerJoin("organizations", "organizations.id", "orgMembers.organizationId")
      .select(["organizations.name", "orgMembers.role"])
      .where("orgMembers.userId", "=", userId)
      .execute(),
    db
      .selectFrom("contactRequests")
      .select(["id", "profileId", "message", "status", "createdAt"])
      .where("senderId", "=", userId)
      .execute(),
    db
      .selectFrom("contactRequests")
      .innerJoin("allyProfiles", "allyProfiles.id", "contactRequests.profileId")
      .innerJoin("users as sender", "sender.id", "contactRequests.senderId")
      .select([
        "contactRequests.id",
        "sender.name as senderName",
        "contactRequests.message",
        "contactRequests.status",
        "contactRequests.createdAt",
      ])
      .where("allyProfiles.userId", "=", userId)
      .execute(),
    db
      .selectFrom("campaignAssignments")
      .innerJoin("allyProfiles", "allyProfiles.id", "campaignAssignments.profileId")
      .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
      .select([
        "campaigns.name as campaign",
        "campaignAssignments.status",
        "campaignAssignments.showPublicly",
        "campaignAssignments.answeredAt",
        "campaignAssignments.createdAt",
      ])
      .where("allyProfiles.userId", "=", userId)
      .execute(),
    db
      .selectFrom("cycleReviewers")
      .innerJoin("cycles", "cycles.id", "cycleReviewers.cycleId")
      .select((eb) => [
        "cycles.name as cycle",
        "cycleReviewers.capacity",
        "cycleReviewers.expertise",
        "cycleReviewers.active",
        // The later review rounds they were chosen for (the first round takes the whole panel).
        eb
          .selectFrom("roundReviewers")
          .innerJoin("reviewRounds", "reviewRounds.id", "roundReviewers.roundId")
          .select(
            sql<string[]>`coalesce(array_agg(review_rounds.name order by review_rounds.position), '{}')`.as("names"),
          )
          .whereRef("reviewRounds.cycleId", "=", "cycleReviewers.cycleId")
          .where("roundReviewers.userId", "=", userId)
          .as("laterRounds"),
      ])
      .where("cycleReviewers.userId", "=", userId)
      .execute(),
    db
      .selectFrom("conflicts")
      .innerJoin("cycles", "cycles.id", "conflicts.cycleId")
      .select(["cycles.name as cycle", "conflicts.kind", "conflicts.value", "conflicts.source", "conflicts.reason"])
      .where("conflicts.reviewerId", "=", userId)
      .execute(),
    // What they wrote as a reviewer, by application id only: the applicants are other people.
    db
      .selectFrom("reviewAssignments")
      .leftJoin("reviews", "reviews.assignmentId", "reviewAssignments.id")
      .select([
        "reviewAssignments.applicationId",
        "reviewAssignments.status",
        "reviewAssignments.recusalReason",
        "reviews.scores",
        "reviews.comments",
        "reviews.recommendation",
        "reviews.confidence",
        "reviews.overallComment",
        "reviews.submittedAt",
      ])
      .where("reviewAssignments.reviewerId", "=", userId)
      .execute(),
    db
      .selectFrom("rankEntries")
      .innerJoin("applications", "applications.id", "rankEntries.applicationId")
      .innerJoin("positions", "positions.id", "rankEntries.positionId")
      .innerJoin("organizations", "organizations.id", "positions.organizationId")
      .select([
        "rankEntries.applicationId",
        "rankEntries.rank",
        "positions.title as position",
        "organizations.name as organization",
      ])
      .where("rankEntries.side", "=", "applicant")
      .where("applications.applicantId", "=", userId)
      .orderBy("rankEntries.applicationId")
      .orderBy("rankEntries.rank")
      .execute(),
    // Notes they wrote as a host, by application id (as reviews are).
    db
      .selectFrom("interviews")
      .innerJoin("positions", "positions.id", "interviews.positionId")
      .select([
        "positions.title as position",
        "interviews.applicationId",
        "interviews.notes",
        "interviews.scores",
        "interviews.updatedAt",
      ])
      .where("interviews.updatedBy", "=", userId)
      .execute(),
    // Whom they invited is the invitee's address: the export says what and when, not to whom.
    db.selectFrom("invitations").select(["kind", "createdAt", "acceptedAt"]).where("invitedBy", "=", userId).execute(),
    db.selectFrom("invitations").select(["kind", "createdAt", "acceptedAt"]).where("acceptedBy", "=", userId).execute(),
    db
      .selectFrom("campaignAssignments")
      .innerJoin("campaigns", "campaigns.id", "campaignAssignments.campaignId")
      .select(["campaigns.name as campaign", "campaignAssignments.createdAt"])
      .where("campaignAssignments.proposedBy", "=", userId)
      .execute(),
    db
      .selectFrom("decisionReleases")
      .innerJoin("cycles", "cycles.id", "decisionReleases.cycleId")
      .select([
        "cycles.name as cycle",
        "decisionReleases.decisions",
        "decisionReleases.createdAt",
        "decisionReleases.sendAt",
        "decisionReleases.sentAt",
        "decisionReleases.cancelledAt",
        sql<boolean>`decision_releases.released_by = ${userId}`.as("releasedByYou"),
        sql<boolean>`decision_releases.cancelled_by is not distinct from ${userId}`.as("cancelledByYou"),
      ])
      .where((eb) => eb.or([eb("releasedBy", "=", userId), eb("cancelledBy", "=", userId)]))
      .execute(),
    db
      .selectFrom("matchRuns")
      .innerJoin("cycles", "cycles.id", "matchRuns.cycleId")
      .select(["cycles.name as cycle", "matchRuns.createdAt", "matchRuns.publishedAt"])
      .where((eb) => eb.or([eb("runBy", "=", userId), eb("publishedBy", "=", userId)]))
      .execute(),
    // What they did, as the audit log keeps it (its details may name other people, so not those).
    db
      .selectFrom("auditLog")
      .select(["action", "subjectType", "subjectId", "at"])
      .where("actorId", "=", userId)
      .orderBy("at")
      .execute(),
    db
      .selectFrom("emailOutbox")
      .select(["subject", "template", "status", "createdAt", "sentAt"])
      .where("recipient", "=", user.email)
      .orderBy("createdAt")
      .execute(),
    db.selectFrom("signInFailures").select(["clientAddress", "createdAt"]).where("email", "=", user.email).execute(),
  ]);
  const [references, referencesAskedOfYou] = await Promise.all([
    db
      .selectFrom("referenceRequests")
      .select(["applicationId", "refereeName", "refereeEmail", "relationship", "status", "createdAt", "receivedAt"])
      .where("applicationId", "in", ownApplications)
      .orderBy("createdAt")
      .execute(),
    // As a referee (matched by address, as the requests were sent): what they were asked and wrote.
    db
      .selectFrom("referenceRequests")
      .innerJoin("cycles", "cycles.id", "referenceRequests.cycleId")
      .select([
        "cycles.name as cycle",
        "referenceRequests.status",
        "referenceRequests.createdAt",
        "referenceRequests.receivedAt",
        "referenceRequests.answers",
        "referenceRequests.letterFilename",
      ])
      .where(sql<boolean>`lower(reference_requests.referee_email) = lower(${user.email})`)
      .orderBy("referenceRequests.createdAt")
      .execute(),
  ]);
  const fileNames = new Map(files.map((file) => [file.id, file.filename]));
  const questionsByCycle = groupBy(questions, (question) => question.cycleId);
  const demographicsByApplication = new Map(demographics.map((row) => [row.applicationId, row]));
  const { search: _search, ...profileFields } = profile ?? { search: "" };
  const fellowshipYear = await fellowshipYearOf(db, userId);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    roles,
    rolesGranted,
    directoryProfile: profile ? profileFields : null,
    applications: applications.map(({ cycleId, answers, ...application }) => {
      const own = demographicsByApplication.get(application.id);
      return {
        ...application,
        answers: readableAnswers(answers, questionsByCycle.get(cycleId) ?? [], fileNames),
        // The optional self-described answers, by their question (null: not answered).
        demographics: own
          ? Object.fromEntries(DEMOGRAPHIC_FIELDS.map((field) => [DEMOGRAPHIC_QUESTIONS[field].label, own[field]]))
          : null,
        events: events.filter((event) => event.applicationId === application.id),
        // Whom they named and whether each letter arrived; the letters themselves are the referees' words.
        references: references
          .filter((reference) => reference.applicationId === application.id)
          .map(({ applicationId: _applicationId, ...reference }) => reference),
      };
    }),
    files,
    sessions,
    organizations: memberships,
    messagesSent: sent,
    messagesReceived: received,
    campaigns: assignments,
    campaignProposalsMade: proposals,
    reviewerPanels: panels,
    conflictsDeclared: conflicts,
    reviewsWritten: reviews,
    interviewNotesWritten: interviewNotes,
    placementRankings: rankings,
    invitationsSent,
    invitationsAccepted,
    decisionReleases: releases,
    matchRuns,
    actions,
    emailsToYou: emails,
    failedSignIns: signInFailures,
    referencesAskedOfYou,
    ...fellowshipYear,
    ...(await reviewAndIntegrationsOf(db, userId)),
  };
}
