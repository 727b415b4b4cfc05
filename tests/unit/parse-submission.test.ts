import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BODY_LIMITS, bodyLimitsFor, UrlEncodedFieldCounter } from "~/utils/body-limits";
import { formLimitBreach, parseSubmission } from "~/utils/parse-submission";

const Schema = z.object({
  email: z.string().email(),
  tags: z.array(z.string()).optional(),
  list: z.array(z.string()).optional(),
  nested: z.object({ a: z.string(), b: z.array(z.number()) }).optional(),
});

const FORMS: Array<Array<[string, string]>> = [
  [["email", "a@b.c"]],
  [
    ["email", "a@b.c"],
    ["email", "d@e.f"],
  ],
  [
    ["email", "a@b.c"],
    ["tags", "x"],
    ["tags", "y"],
    ["tags", "z"],
  ],
  [
    ["email", "a@b.c"],
    ["list[]", "x"],
    ["list[]", "y"],
  ],
  [
    ["email", "a@b.c"],
    ["nested.a", "q"],
    ["nested.b[0]", "1"],
    ["nested.b[1]", "2"],
  ],
  [
    ["tags", "only"],
    ["email", "not an email"],
  ],
];

describe("parseSubmission", () => {
  it.each(FORMS.map((entries) => [new URLSearchParams(entries)]))("gives conform's own submission for %s", (form) => {
    const ours = parseSubmission(form, { schema: Schema });
    const theirs = parseWithZod(form, { schema: Schema });
    expect(ours.status).toBe(theirs.status);
    expect(ours.payload).toEqual(theirs.payload);
    expect(ours.status === "error" ? ours.error : null).toEqual(theirs.status === "error" ? theirs.error : null);
    expect(ours.reply()).toEqual(theirs.reply());
    if (ours.status === "success" && theirs.status === "success") expect(ours.value).toEqual(theirs.value);
  });

  it("groups 20,000 repeated values into one list, as conform would", () => {
    const form = new URLSearchParams(Array.from({ length: 20_000 }, (_, i) => ["tags", String(i)]));
    form.append("email", "ada@example.org");
    const submission = parseSubmission(form, { schema: Schema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value.tags).toHaveLength(20_000);
  });
});

describe("body limits", () => {
  it("gives anonymous routes the small limits, data requests included", () => {
    for (const path of ["/login", "/login/code", "/signup", "/forgot-password", "/campaign-replies/abc", "/login.data"])
      expect(bodyLimitsFor(path, "application/x-www-form-urlencoded").kind, path).toBe("anonymous");
    expect(bodyLimitsFor("/apply/2027/essays", "multipart/form-data; boundary=x").kind).toBe("upload");
    expect(bodyLimitsFor("/apply/2027/essays", "application/x-www-form-urlencoded").kind).toBe("apply");
    expect(bodyLimitsFor("/staff/allies", "multipart/form-data; boundary=x").kind).toBe("upload");
    expect(bodyLimitsFor("/me/account", "multipart/form-data; boundary=x").kind).toBe("form");
  });

  it("counts url-encoded fields across chunk boundaries", () => {
    const limits = { ...BODY_LIMITS.anonymous, maxFields: 3, maxFieldBytes: 10 };
    const counter = new UrlEncodedFieldCounter(limits);
    const encoder = new TextEncoder();
    expect(counter.push(encoder.encode("a=1&&b=2&c"))).toBeNull();
    expect(counter.push(encoder.encode("=3"))).toBeNull();
    expect(counter.push(encoder.encode("&d=4"))).toBe("fields");
    const long = new UrlEncodedFieldCounter(limits);
    expect(long.push(encoder.encode("a=12345"))).toBeNull();
    expect(long.push(encoder.encode("6789"))).toBe("field-bytes");
  });

  it("checks a parsed form's fields and their lengths", () => {
    const form = new FormData();
    for (let i = 0; i < 51; i++) form.append("x", "");
    expect(formLimitBreach(form, BODY_LIMITS.anonymous)).toBe("fields");
    const long = new FormData();
    long.append("name", "n".repeat(BODY_LIMITS.anonymous.maxFieldBytes));
    expect(formLimitBreach(long, BODY_LIMITS.anonymous)).toBe("field-bytes");
    expect(formLimitBreach(new FormData(), BODY_LIMITS.anonymous)).toBeNull();
  });
});
