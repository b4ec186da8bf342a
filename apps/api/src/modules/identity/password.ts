import { hash, verify } from '@node-rs/argon2';
import { createRequire } from 'node:module';

// argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The
// async calls run on libuv's thread pool, off the event loop.
// algorithm 2 is Argon2id (@node-rs/argon2's const enum cannot be imported under isolatedModules).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const commonPasswords = createRequire(import.meta.url)('fxa-common-password-list') as {
  test(password: string): boolean;
};

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON';

export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    return 'PASSWORD_TOO_SHORT';
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase()))
    return 'PASSWORD_TOO_COMMON';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  PASSWORD_TOO_SHORT: `Use at least ${MIN_PASSWORD_LENGTH} characters (and at most ${MAX_PASSWORD_LENGTH}).`,
  PASSWORD_TOO_COMMON: 'This password is too common: choose one that is harder to guess.',
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

// A real hash to verify against when the account does not exist, so that
// answering takes as long either way.
let decoy: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword('decoy password for timing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
