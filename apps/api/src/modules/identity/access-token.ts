import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { ALGORITHM, type KeyRing } from './key-ring.js';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const ISSUER = 'bazaar';

export async function signAccessToken(
  ring: KeyRing,
  claims: AccessClaims,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const { kid, privateKey } = await ring.signingKey();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(privateKey);
  return { token, expiresAt };
}

// Verified tokens by their text, until they expire. A client sends the same
// token for up to 15 minutes, and EdDSA verification runs on libuv's thread
// pool, where password hashing queues too: under a burst of logins, verifying
// every request again would stall every signed-in reader. Revocation is not
// affected: the Authorizer checks the session on every request.
type Verified = AccessClaims & { expiresAt: number };
const verified = new Map<string, Verified>();
const MAX_VERIFIED = 50_000;

/** The claims of a valid token; null for an expired, forged, malformed or unknown-key one. */
export async function verifyAccessToken(
  ring: KeyRing,
  token: string,
): Promise<AccessClaims | null> {
  let claims = verified.get(token) ?? null;
  if (!claims || claims.expiresAt <= Date.now()) {
    claims = await verifySignature(ring, token);
    if (!claims) return null;
    if (verified.size >= MAX_VERIFIED) verified.clear();
    verified.set(token, claims);
  }
  return { userId: claims.userId, sessionId: claims.sessionId };
}

async function verifySignature(ring: KeyRing, token: string): Promise<Verified | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (!kid) return null;
    const key = await ring.verificationKey(kid);
    if (!key) return null;
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: [ALGORITHM] });
    if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string' || !payload.exp)
      return null;
    return { userId: payload.sub, sessionId: payload['sid'], expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}
