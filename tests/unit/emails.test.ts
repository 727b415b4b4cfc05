import { describe, expect, it } from "vitest";
import { emailTemplates, renderEmail, type EmailTemplateName } from "#emails/index";

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
      expiresAt: "3 Dec 2026, 12:00 UTC",
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
