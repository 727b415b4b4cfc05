import { z } from "zod";
import type { DB } from "#db/client";
import { directoryAudience, type Role } from "~/auth/roles";
import { parseDirectoryQuery } from "~/network/directory-query";
import { searchDirectory } from "~/network/directory.server";
import { ApiError } from "./api-error";
import { decodeCursor, encodeCursor } from "./cursor";

const PageCursor = z.object({ page: z.number().int().min(1).max(500) });

/**
 * The directory as its page shows it to the same person: the same query parser, the same
 * audience rule and the same search, so the two cannot disagree about who is visible. The cursor
 * carries the page's number (the directory ranks by relevance, which has no stable key).
 */
export async function directoryApiPage(db: DB, url: URL, roles: readonly Role[]) {
  const cursor = decodeCursor(url.searchParams.get("cursor"), PageCursor);
  if (cursor === "invalid") throw new ApiError("bad_request", "The cursor is not valid.", { cursor: ["Not a cursor"] });
  const params = new URLSearchParams(url.searchParams);
  params.delete("cursor");
  params.set("page", String(cursor?.page ?? 1));
  const query = parseDirectoryQuery(params);
  const { profiles, hasMore } = await searchDirectory(db, query, directoryAudience({ roles }));
  return {
    data: profiles.map((profile) => ({
      id: profile.id,
      displayName: profile.displayName,
      headline: profile.headline,
      disciplines: profile.disciplines,
      skills: profile.skills,
      languages: profile.languages,
      country: profile.country,
      region: profile.region,
      availableNow: profile.availableNow,
    })),
    nextCursor: hasMore ? encodeCursor({ page: query.page + 1 }) : null,
  };
}
