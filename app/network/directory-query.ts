import { z } from "zod";
import { DISCIPLINE_KEYS, LANGUAGES, normaliseSkill, REGIONS, type Discipline, type Region } from "./taxonomy";

export const DIRECTORY_PAGE_SIZE = 20;
const MAX_PAGE = 500;

/** A directory search as its URL says it: every part optional, anything odd ignored (a URL is not a form). */
export interface DirectoryQuery {
  q: string;
  disciplines: Discipline[];
  skills: string[];
  languages: string[];
  region: Region | undefined;
  availableNow: boolean;
  sort: "relevance" | "updated";
  page: number;
}

const Page = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const pick = <T extends string>(name: string, allowed: readonly T[]) =>
    [...new Set(params.getAll(name))].filter((value): value is T => (allowed as readonly string[]).includes(value));
  const region = params.get("region");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    disciplines: pick("discipline", DISCIPLINE_KEYS),
    skills: [...new Set(params.getAll("skill").map(normaliseSkill))].filter((s) => s && s.length <= 40).slice(0, 10),
    languages: pick("language", LANGUAGES),
    region: (REGIONS as readonly string[]).includes(region ?? "") ? (region as Region) : undefined,
    availableNow: params.get("available") === "now",
    sort: params.get("sort") === "updated" ? "updated" : "relevance",
    page: Page.parse(params.get("page") ?? 1),
  };
}

/** The URL of a search: shareable, and what the GET form produces. */
export function directoryHref(query: DirectoryQuery, change: Partial<DirectoryQuery> = {}): string {
  const next = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const value of next.disciplines) params.append("discipline", value);
  for (const value of next.skills) params.append("skill", value);
  for (const value of next.languages) params.append("language", value);
  if (next.region) params.set("region", next.region);
  if (next.availableNow) params.set("available", "now");
  if (next.sort === "updated") params.set("sort", "updated");
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/directory?${search}` : "/directory";
}

/** The value added to or removed from a list (a facet link toggles it). */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}
