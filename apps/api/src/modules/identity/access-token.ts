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

/** The claims of a valid token; null for an expired, forged, malformed or unknown-key one. */
export async function verifyAccessToken(
  ring: KeyRing,
  token: string,
): Promise<AccessClaims | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (!kid) return null;
    const key = await ring.verificationKey(kid);
    if (!key) return null;
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: [ALGORITHM] });
    if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string') return null;
    return { userId: payload.sub, sessionId: payload['sid'] };
  } catch {
    return null;
  }
}
