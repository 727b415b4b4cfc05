import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/redirect";

describe("safeRedirect", () => {
  it.each(["/", "/staff/users", "/cycles/2027?step=2#answers", "/a/b/../c"])(
    "keeps the same-origin path %s",
    (path) => {
      expect(safeRedirect(path)).toBe(path);
    },
  );

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash first", "\\\\evil.example"],
    ["tab inside", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["null byte", "/\u0000/evil"],
    ["javascript scheme", "javascript:alert(1)"],
    ["absolute URL", "https://evil.example/"],
    ["relative path", "staff"],
    ["empty", ""],
    ["encoded slash trick stays a path", "/%2F%2Fevil.example"],
  ])("refuses %s", (_label, path) => {
    const result = safeRedirect(path, "/home");
    if (path === "/%2F%2Fevil.example") expect(result).toBe(path);
    else expect(result).toBe("/home");
  });

  it("refuses non-strings and overly long paths", () => {
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(["/a"])).toBe("/");
    expect(safeRedirect(`/${"a".repeat(3000)}`)).toBe("/");
  });
});
