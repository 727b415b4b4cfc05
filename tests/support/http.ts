// Small HTTP helpers without Vitest in them, for tests and benchmarks alike.

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieHeader(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

/** A client address of its own for a request (the portal trusts X-Forwarded-For behind TRUST_PROXY). */
export function randomAddress(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}
