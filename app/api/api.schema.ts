import { z } from "zod";
import { APPLICATION_STATUSES } from "~/applications/application-status";
import { CAMPAIGN_STATUSES, ProposeSchema } from "~/campaigns/campaigns.schema";

/**
 * What the API answers and accepts, as zod schemas: the handlers are typed by them, the tests
 * parse every answer with them, and the OpenAPI document is generated from them. Request bodies
 * reuse the schemas of the portal's own forms, less their `intent` field.
 */
/** The named schemas of the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string }>();

const Timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 date and time");
const DateOnly = z.iso.date();

const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
    })
    .register(apiSchemas, { id });

export const CycleSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(["draft", "open", "closed", "reviewing", "matching", "complete"]),
    opensAt: Timestamp,
    closesAt: Timestamp,
    timezone: z.string(),
  })
  .register(apiSchemas, { id: "Cycle" });
export const CyclePageSchema = page(CycleSchema, "CyclePage");

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES as [string, ...string[]]);

export const ApplicationSummarySchema = z
  .object({
    id: z.uuid(),
    status: ApplicationStatusSchema,
    applicant: z.object({ name: z.string(), email: z.string() }),
    submittedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .register(apiSchemas, { id: "ApplicationSummary" });
export const ApplicationPageSchema = page(ApplicationSummarySchema, "ApplicationPage");

export const ApplicationSchema = ApplicationSummarySchema.extend({
  history: z.array(
    z.object({ kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), at: Timestamp }),
  ),
}).register(apiSchemas, { id: "Application" });

export const ReviewSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    reviewer: z.string(),
    submittedAt: Timestamp.nullable(),
    recommendation: z.string().nullable(),
    confidence: z.number().nullable(),
    scores: z.record(z.string(), z.number()).describe("Score per rubric criterion id"),
    comments: z.record(z.string(), z.string()).describe("Comment per rubric criterion id"),
    overallComment: z.string(),
  })
  .register(apiSchemas, { id: "Review" });
export const ReviewPageSchema = page(ReviewSchema, "ReviewPage");

export const DirectoryProfileSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    headline: z.string(),
    disciplines: z.array(z.string()),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    country: z.string().nullable(),
    region: z.string().nullable(),
    availableNow: z.boolean(),
  })
  .register(apiSchemas, { id: "DirectoryProfile" });
export const DirectoryPageSchema = page(DirectoryProfileSchema, "DirectoryPage");

export const CampaignSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    startsOn: DateOnly,
    endsOn: DateOnly,
    placesNeeded: z.number().int(),
    placesAccepted: z.number().int(),
  })
  .register(apiSchemas, { id: "Campaign" });
export const CampaignPageSchema = page(CampaignSchema, "CampaignPage");

export const CampaignAssignmentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["proposed", "accepted", "declined", "completed"]),
    profileId: z.uuid(),
    displayName: z.string(),
    need: z.string().nullable(),
    createdAt: Timestamp,
    answeredAt: Timestamp.nullable(),
  })
  .register(apiSchemas, { id: "CampaignAssignment" });
export const CampaignAssignmentPageSchema = page(CampaignAssignmentSchema, "CampaignAssignmentPage");

/** The staff page's "propose" form, as a JSON body. */
export const ProposeAssignmentBodySchema = ProposeSchema.omit({ intent: true }).register(apiSchemas, {
  id: "ProposeAssignment",
});
export const ProposeAssignmentResultSchema = z
  .object({ alreadyProposed: z.boolean().describe("True when the ally had been asked before (nothing new sent)") })
  .register(apiSchemas, { id: "ProposeAssignmentResult" });
