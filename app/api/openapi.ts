import { z } from "zod";
import { ApiErrorSchema } from "./api-error";
import { API_ROUTES, type ApiRoute } from "./api-routes";
import { apiSchemas } from "./api.schema";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the handlers use
 * (zod 4's own JSON Schema output, draft 2020-12, which is OpenAPI 3.1's dialect). The schemas
 * registered in `apiSchemas` become named components; request bodies are described as the
 * schema's input (what a client sends), answers as its output.
 */
export function openApiDocument() {
  const components = componentSchemas();
  const ref = (schema: z.ZodType) => {
    const id = apiSchemas.get(schema)?.id;
    if (!id) throw new Error("Every API body and answer is a named schema in apiSchemas");
    return { $ref: `#/components/schemas/${id}` };
  };
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
    const parameters = [
      ...(route.params ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => {
        const field = jsonSchema(schema as z.ZodType, "input");
        return {
          name,
          in: "query",
          required: false,
          ...(typeof field.description === "string" ? { description: field.description } : {}),
          schema: field,
          ...(field.type === "array" ? { style: "form", explode: true } : {}),
        };
      }),
    ];
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: "Success",
        content: { "application/json": { schema: ref(route.response) } },
      },
      "400": errorResponse("A parameter or the body is not valid (`fields` says which)"),
      "401": errorResponse("No token, or a token that is unknown, revoked or expired"),
      "403": errorResponse("The token's owner may not use this route, or the token's scope is too narrow"),
      "429": errorResponse("Over the token's requests per minute (see Retry-After)"),
    };
    if (route.params?.length) responses["404"] = errorResponse("Nothing with that identifier");
    if (route.method === "post") responses["409"] = errorResponse("The request conflicts with the current state");
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        operationId: route.operationId,
        summary: route.summary,
        description: `For: ${route.roles.join(", ")}. Token scope: ${route.scope}.`,
        security: [{ personalAccessToken: [] }],
        parameters,
        ...(route.body
          ? { requestBody: { required: true, content: { "application/json": { schema: ref(route.body) } } } }
          : {}),
        responses,
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Open Web Fellows portal API",
      version: "1.0.0",
      description:
        "Read the program's cycles, applications, reviews, directory and campaigns, and propose campaign assignments. " +
        "Authenticate with a personal access token made at /me/account: `Authorization: Bearer owf_pat_…`. " +
        "Lists are paged by cursor: pass `nextCursor` back as `cursor`. Every error has the shape of `Error`.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        personalAccessToken: { type: "http", scheme: "bearer", description: "A personal access token (owf_pat_…)" },
      },
      schemas: { ...components, Error: jsonSchema(ApiErrorSchema, "output") },
    },
    paths,
  };
}

/** Every named schema, as output; request bodies (used as input) as input. */
function componentSchemas(): Record<string, unknown> {
  const bodies = new Set(
    (Object.values(API_ROUTES) as ApiRoute[]).flatMap((route) => (route.body ? [apiSchemas.get(route.body)?.id] : [])),
  );
  const options = (io: "input" | "output") =>
    ({
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      uri: (id: string) => `#/components/schemas/${id}`,
    }) as const;
  const output = z.toJSONSchema(apiSchemas, options("output")).schemas;
  const input = z.toJSONSchema(apiSchemas, options("input")).schemas;
  const result: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(output)) {
    result[id] = withoutDialect(bodies.has(id) ? input[id] : schema);
  }
  return result;
}

function withoutDialect(schema: unknown): Record<string, unknown> {
  const { $schema: _dialect, $id: _uri, id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/** One inline schema as JSON Schema 2020-12, without the `$schema` key (OpenAPI sets the dialect). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  return withoutDialect(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }));
}
