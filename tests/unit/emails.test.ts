import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emailTemplates, renderEmail, type EmailTemplateName } from "#emails/templates";
import { bodyVisibleToStaff } from "~/email/outbox-view.server";

/** Paths of the routes that take a token in the address (`invitations.$token.tsx` → `/invitations/`). */
const TOKEN_ROUTE_PREFIXES = readdirSync("app/routes")
  .filter((file) => file.includes("$token"))
  .map((file) => `/${file.slice(0, file.indexOf("$token")).replaceAll(".", "/")}`);

describe("email templates", () => {
  const names = Object.keys(emailTemplates) as EmailTemplateName[];

  it.each(names)("%s renders HTML and plain text from its preview props", async (name) => {
    const component = emailTemplates[name].component as unknown as { PreviewProps: never };
    expect(component.PreviewProps).toBeTruthy();
    const email = await renderEmail(name, component.PreviewProps);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.text).toContain("Open Web Fellows");
    expect(email.text).not.toMatch(/<[a-z]+[\s>]/i);
    expect(email.html + email.text).not.toContain("\u0000");
  });

  // Messages about account security may tell someone who did not ask to ignore them; no other may.
  const SECURITY = new Set<EmailTemplateName>([
    "verification-code",
    "reset-code",
    "existing-account",
    "delete-account-code",
  ]);

  it.each(names)(
    "%s says why it was sent and how to reach the program, with a button and its plain link",
    async (name) => {
      const component = emailTemplates[name].component as unknown as { PreviewProps: never };
      const email = await renderEmail(name, component.PreviewProps);
      expect(email.text).toMatch(/You received this email because [^.]+\./);
      expect(email.text).toContain(
        "Questions? Just reply to this email: it reaches the Open Web Fellows program staff.",
      );
      const buttons = [...email.html.matchAll(/<a href="([^"]+)"[^>]*data-skip-in-text="true"/g)].map((m) => m[1]!);
      expect(buttons.length).toBeGreaterThan(0);
      for (const href of buttons) expect(email.text).toContain(href.replaceAll("&amp;", "&"));
      if (SECURITY.has(name)) expect(email.text).toContain("If it was not you");
      else expect(email.text).not.toContain("If it was not you");
    },
  );

  // Finding 7 of the penetration test (issue 11): campaign answer links and account-deletion codes
  // were shown to staff in full, and every secret was shown on the demo database.
  it.each(names)("%s is hidden from staff in the outbox if it carries a code or a token link", async (name) => {
    const component = emailTemplates[name].component as unknown as { PreviewProps: never };
    const email = await renderEmail(name, component.PreviewProps);
    const body = email.text + email.html;
    const carriesSecret =
      /\b\d{6}\b/.test(body) ||
      /[?&](?:token|code)=/.test(body) ||
      TOKEN_ROUTE_PREFIXES.some((prefix) => new RegExp(`https?://[^/\\s"]+${prefix}[^\\s"?]+`).test(body));
    expect(TOKEN_ROUTE_PREFIXES).toContain("/campaign-replies/");
    if (carriesSecret) expect(bodyVisibleToStaff(name), `${name} must be marked sensitive`).toBe(false);
    else expect(bodyVisibleToStaff(name)).toBe(true);
  });

  it("tells a rejected applicant where their applications are, without a sentence meant for someone else", async () => {
    const email = await renderEmail("decision", {
      name: "Ada",
      cycleName: "Open Web Fellows 2026",
      outcome: "not_selected",
      feedback: null,
      applicationsUrl: "https://fellows.example.org/me/applications",
    });
    expect(email.html).toContain('href="https://fellows.example.org/me/applications"');
    expect(email.text).toContain("Your applications: https://fellows.example.org/me/applications");
    expect(email.text).toContain("You received this email because you applied to Open Web Fellows 2026.");
    expect(email.text).not.toMatch(/ignore|not you/i);
  });

  it("keeps headings as written in plain text", async () => {
    const email = await renderEmail("verification-code", { name: "Ada", code: "123456", verifyUrl: "http://x/verify" });
    expect(email.text).toContain("Confirm your email");
    expect(email.text).toContain("123456");
  });

  it("never contains a NUL byte, even with a long preview (React 18 stream bug)", async () => {
    const email = await renderEmail("reviewer-invitation", {
      // These exact props made React 18 emit NUL bytes before the fix.
      inviterName: "Staff",
      cycleName: "Test cycle cycle-ab12cd34",
      capacity: 7,
      acceptUrl: "http://127.0.0.1:41234/invitations/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      expiresAt: { at: "2026-12-03T12:00:00.000Z", timeZone: "UTC" },
    });
    expect(email.html).not.toContain("\u0000");
  });

  it("escapes what people typed", async () => {
    const email = await renderEmail("verification-code", {
      name: "<script>x</script>",
      code: "123456",
      verifyUrl: "http://x",
    });
    expect(email.html).not.toContain("<script>x</script>");
  });
});
