import { LinkifyIt } from "linkify-it";
// The package is one JSON file: Node (under tsx, as the browser-test server runs) needs the attribute.
import tlds from "tlds" with { type: "json" };

/**
 * Redaction of free text shown to reviewers of a blind cycle. Pure. Identity leaks through far
 * more than an exact copy of the name: part of a hyphenated surname, the name typed without its
 * accents, a personal site, a profile link, a handle, an address spelled out to dodge filters.
 * All of these are replaced by a visible marker, so the reviewer knows something was withheld.
 */

export const LINK_WITHHELD = "[link withheld]";
export const NAME_WITHHELD = "[name withheld]";

// URLs and emails: linkify-it (the detector markdown-it uses) with every IANA top-level domain
// (the `tlds` list) so bare "zkaya.dev/x" counts as well as "https://…", plus the reserved
// names people use in examples. Handles are a schema of their own, as in linkify-it's Twitter example.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true })
  .tlds([...tlds, "example", "test", "invalid", "localhost"], false)
  .add("@", {
    validate(text: string, pos: number) {
      // "@handle", or "@handle@instance.social" (the fediverse form).
      const tail = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/u.exec(
        text.slice(pos),
      );
      return tail ? tail[0].length : 0;
    },
  });

// "name at host dot tld", "name [at] host [dot] tld", "name (at) host.tld": an address spelled
// out so that filters miss it. Plain prose ("arrived at noon. Then", "code at github.com/x") is
// not one: a bare "." must join two words, and some separator must be spelled out.
const SEP_AT = String.raw`(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s*)`;
const SEP_DOT = String.raw`(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)`;
const WORD = String.raw`[\p{L}\p{N}-]+`;
const OBFUSCATED_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${SEP_AT}${WORD}(?:${SEP_DOT}${WORD})+`,
  "giu",
);
const SPELLED_OUT = /[[({<]\s*at\s*[\])}>]|\s@|@\s|\bdot\b/i;

/** Withholds every URL, email address (plain or spelled out) and handle in the text. */
export function withholdLinks(text: string): string {
  let result = text.replace(OBFUSCATED_EMAIL, (match) => (SPELLED_OUT.test(match) ? LINK_WITHHELD : match));
  const matches = linkify.match(result) ?? [];
  for (const match of [...matches].reverse()) {
    result = result.slice(0, match.index) + LINK_WITHHELD + result.slice(match.lastIndex);
  }
  // "@zkaya@mastodon.social": the address part went as an email; the leading "@" goes with it.
  return result.replaceAll(`@${LINK_WITHHELD}`, LINK_WITHHELD);
}

// Letters that do not decompose under NFKD but that people type without their mark.
const FOLD: Record<string, string> = {
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};

/**
 * The text folded for matching (lower case, no accents), with, for every folded character, the
 * index of the original character it came from, so a match can be cut out of the original.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const plain = (FOLD[lower] ?? lower).normalize("NFKD").replace(/\p{M}/gu, "");
    for (let i = 0; i < plain.length; i++) origin.push(index);
    folded += plain;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/**
 * Everything of a name worth withholding: the whole name, each word of it (two letters or more),
 * and each part of a hyphenated or apostrophised word (three letters or more, so "Al-" or "d'"
 * alone do not take out common words), plus the email's local part.
 */
export function nameTokens(identity: { name: string; email: string }): string[] {
  const words = identity.name.split(/\s+/).filter(Boolean);
  const parts = words.flatMap((word) => word.split(/[-‐‑'’]/).filter((part) => [...part].length >= 3));
  const local = identity.email.slice(0, identity.email.lastIndexOf("@"));
  const tokens = [identity.name, ...words.filter((word) => [...word].length >= 2), ...parts, local, identity.email]
    .map((token) => fold(token.trim()).folded)
    .filter((token) => token.length >= 2);
  return [...new Set(tokens)].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Withholds the applicant's name (by parts, any case, with or without accents) and email. */
export function withholdName(text: string, identity: { name: string; email: string }): string {
  const tokens = nameTokens(identity);
  if (tokens.length === 0) return text;
  const { folded, origin } = fold(text);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${tokens.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const spans: [number, number][] = [];
  for (const match of folded.matchAll(pattern)) {
    const start = origin[match.index]!;
    const end = origin[match.index + match[0].length]!;
    const last = spans.at(-1);
    // "Kaya-Öztürk" or "Zeynep Kaya" becomes one marker, not three.
    if (last && /^[\s\-‐‑'’]*$/u.test(text.slice(last[1], start))) last[1] = end;
    else spans.push([start, end]);
  }
  let result = text;
  for (const [start, end] of spans.reverse()) result = result.slice(0, start) + NAME_WITHHELD + result.slice(end);
  return result;
}

/** What a blind reviewer reads of a free-text answer. Links first: a name inside a URL goes with it. */
export function redactIdentity(text: string, identity: { name: string; email: string }): string {
  return withholdName(withholdLinks(text), identity);
}
