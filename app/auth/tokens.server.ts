import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** An unguessable token for links and session cookies (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a read of the database cannot be replayed as a login. */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** A six-digit one-time code. */
export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/**
 * One-time codes have only a million values, so a plain hash could be reversed by trying them
 * all; an HMAC keyed with the server's secret cannot be without the secret.
 */
export function hashCode(secret: string, scope: string, code: string): string {
  return createHmac("sha256", secret).update(`${scope}:${code}`).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
