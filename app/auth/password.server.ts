import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package declares it as a const enum, which isolated modules cannot import.
const ARGON2ID = 2;
// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A real hash of a random password, verified when the email is unknown, so an unknown email
// takes as long to refuse as a wrong password does.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
