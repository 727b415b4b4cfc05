import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { textDirection } from "~/i18n/languages";
import { useEmailT } from "./i18n";

const styles = {
  body: { backgroundColor: "#f6f5f2", fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "560px" },
  brand: { color: "#5b2a86", fontSize: "14px", fontWeight: 700, letterSpacing: "0.04em", margin: 0 },
  heading: { color: "#1d1b20", fontSize: "22px", margin: "16px 0" },
  action: { margin: "24px 0 8px" },
  address: { fontSize: "13px", color: "#4a4650", wordBreak: "break-all" },
  footer: { color: "#6b6770", fontSize: "12px" },
} as const;

/**
 * Every message of the portal: the brand, a heading, the body, and a footer saying why this
 * person received it (`reason`, one sentence about them) and how to reach the program. Written in
 * the language `renderEmail` chose (`lang`, and `dir="rtl"` for Arabic).
 */
export function EmailLayout({
  preview,
  heading,
  reason,
  children,
}: {
  preview: string;
  heading: string;
  reason: string;
  children: ReactNode;
}) {
  const { t, language } = useEmailT();
  return (
    <Html lang={language} dir={textDirection(language)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Open Web Fellows</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>
            {reason} {t("email.layout.questions")}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The message's main action: a button in HTML and, under it and in the plain-text part, the
 * address itself as a link (the button is left out of the text part, which shows the address).
 */
export function MainAction({ href, label, secondary }: { href: string; label: string; secondary?: boolean }) {
  return (
    <>
      <Section style={styles.action}>
        <Button
          href={href}
          style={secondary ? { ...buttonStyle, backgroundColor: "#5f5a66" } : buttonStyle}
          data-skip-in-text="true"
        >
          {label}
        </Button>
      </Section>
      <Text style={styles.address}>
        {label}: <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}

export const codeStyle = {
  fontSize: "28px",
  fontWeight: 700,
  letterSpacing: "0.3em",
  fontFamily: "ui-monospace, monospace",
} as const;

export const buttonStyle = {
  backgroundColor: "#5b2a86",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  textDecoration: "none",
  fontWeight: 600,
} as const;
