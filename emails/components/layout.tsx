import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const styles = {
  body: { backgroundColor: "#f6f5f2", fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "560px" },
  brand: { color: "#5b2a86", fontSize: "14px", fontWeight: 700, letterSpacing: "0.04em", margin: 0 },
  heading: { color: "#1d1b20", fontSize: "22px", margin: "16px 0" },
  footer: { color: "#6b6770", fontSize: "12px" },
} as const;

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
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
            You received this because of an action on the Open Web Fellows portal. If it was not you, you can ignore
            this message.
          </Text>
        </Container>
      </Body>
    </Html>
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
