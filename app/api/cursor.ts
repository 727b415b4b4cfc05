import { z } from "zod";

/**
 * Pagination by an opaque cursor: the client passes back `nextCursor` as it came. Inside it is a
 * small JSON object (the last key seen, or a page number where the list is the directory's own
 * pages); a cursor that does not decode is a 400, never a 500.
 */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | null, schema: T): z.output<T> | null | "invalid" {
  if (cursor === null || cursor === "") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : "invalid";
  } catch {
    return "invalid";
  }
}

export const LimitParam = z.coerce.number().int().min(1).max(100).default(50);
