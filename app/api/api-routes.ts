import { z } from "zod";
import type { ApiTokenScope } from "#db/types";
import type { Role } from "~/auth/roles";
import { DISCIPLINE_KEYS, LANGUAGES, REGIONS } from "~/network/taxonomy";
import {
  ApplicationPageSchema,
  ApplicationSchema,
  ApplicationStatusSchema,
  CampaignAssignmentPageSchema,
  CampaignPageSchema,
  CyclePageSchema,
  DirectoryPageSchema,
  ProposeAssignmentBodySchema,
  ProposeAssignmentResultSchema,
  ReviewPageSchema,
} from "./api.schema";

/**
 * Every API route in one table: who may call it (roles, token scope), what it takes and what it
 * answers. The route modules, the authorization test and the OpenAPI document all read it.
 */
export interface ApiRoute {
  operationId: string;
  method: "get" | "post";
  /** OpenAPI style: `{slug}` for a path parameter. */
  path: string;
  summary: string;
  roles: readonly Role[];
  scope: ApiTokenScope;
  params?: readonly string[];
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** The status of success (200 unless it creates something). */
  status?: 200 | 201;
}

const Cursor = z.string().optional().describe("`nextCursor` of the previous page");
const Limit = z.coerce.number().int().min(1).max(100).optional().describe("Items per page (1–100, default 50)");

export const API_ROUTES = {
  listCycles: {
    operationId: "listCycles",
    method: "get",
    path: "/api/v1/cycles",
    summary: "Cycles: every cycle for staff, the published ones for partners",
    roles: ["staff", "partner"],
    scope: "read",
    query: z.object({ cursor: Cursor, limit: Limit }),
    response: CyclePageSchema,
  },
  listApplications: {
    operationId: "listApplications",
    method: "get",
    path: "/api/v1/cycles/{slug}/applications",
    summary: "A cycle's applications with their status (staff)",
    roles: ["staff"],
    scope: "read",
    params: ["slug"],
    query: z.object({ status: ApplicationStatusSchema.optional(), cursor: Cursor, limit: Limit }),
    response: ApplicationPageSchema,
  },
  getApplication: {
    operationId: "getApplication",
    method: "get",
    path: "/api/v1/cycles/{slug}/applications/{id}",
    summary: "One application's status and its history (staff)",
    roles: ["staff"],
    scope: "read",
    params: ["slug", "id"],
    response: ApplicationSchema,
  },
  exportReviews: {
    operationId: "exportReviews",
    method: "get",
    path: "/api/v1/cycles/{slug}/reviews",
    summary: "Every submitted review of a cycle, with scores and comments per criterion (staff)",
    roles: ["staff"],
    scope: "read",
    params: ["slug"],
    query: z.object({ cursor: Cursor, limit: Limit }),
    response: ReviewPageSchema,
  },
  searchDirectory: {
    operationId: "searchDirectory",
    method: "get",
    path: "/api/v1/directory",
    summary: "The network directory, as the /directory page shows it to the token's owner",
    roles: ["staff", "partner"],
    scope: "read",
    query: z.object({
      q: z.string().optional().describe('Words in web-search syntax ("a phrase", -word, or)'),
      discipline: z.array(z.enum(DISCIPLINE_KEYS)).optional(),
      skill: z.array(z.string()).optional(),
      language: z.array(z.enum(LANGUAGES)).optional(),
      region: z.enum(REGIONS).optional(),
      available: z.literal("now").optional(),
      sort: z.enum(["relevance", "updated"]).optional(),
      cursor: Cursor,
    }),
    response: DirectoryPageSchema,
  },
  listCampaigns: {
    operationId: "listCampaigns",
    method: "get",
    path: "/api/v1/campaigns",
    summary: "Campaigns with their staffing (staff)",
    roles: ["staff"],
    scope: "read",
    query: z.object({ cursor: Cursor, limit: Limit }),
    response: CampaignPageSchema,
  },
  listCampaignAssignments: {
    operationId: "listCampaignAssignments",
    method: "get",
    path: "/api/v1/campaigns/{slug}/assignments",
    summary: "A campaign's assignments: who was asked, and their answers (staff)",
    roles: ["staff"],
    scope: "read",
    params: ["slug"],
    query: z.object({ cursor: Cursor, limit: Limit }),
    response: CampaignAssignmentPageSchema,
  },
  proposeCampaignAssignment: {
    operationId: "proposeCampaignAssignment",
    method: "post",
    path: "/api/v1/campaigns/{slug}/assignments",
    summary: "Ask an ally to join a campaign (emails them, as the staff page does)",
    roles: ["staff"],
    scope: "read-write",
    params: ["slug"],
    body: ProposeAssignmentBodySchema,
    response: ProposeAssignmentResultSchema,
    status: 201,
  },
} as const satisfies Record<string, ApiRoute>;

export type ApiRouteId = keyof typeof API_ROUTES;
