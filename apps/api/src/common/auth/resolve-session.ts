import type { Database } from '@bazaar/db';
import type { Services } from '../../context.js';
import { findApiKey, looksLikeApiKey } from '../../modules/api-keys/api-keys.service.js';
import { verifyAccessToken } from '../../modules/identity/access-token.js';
import { ApiError } from '../errors/errors.js';
import { ANONYMOUS, type Session } from './session.js';

const rejected = (message: string) =>
  new ApiError('UNAUTHENTICATED', message, { http: { status: 401 } });

/**
 * The session behind `Authorization: Bearer <access token | API key>`. A
 * token that is expired, forged, signed by a retired key, or whose session or
 * account was ended yields a problem instead: the request then fails with
 * UNAUTHENTICATED (but for sign-in fields), so clients refresh rather than
 * silently act signed out.
 */
export async function resolveSession(
  authorization: string | undefined,
  services: Services,
  db: Database,
): Promise<{ session: Session; sessionProblem: Error | null }> {
  if (!authorization) return { session: ANONYMOUS, sessionProblem: null };
  const [scheme, token] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token)
    return { session: ANONYMOUS, sessionProblem: rejected('Use Authorization: Bearer <token>.') };
  if (looksLikeApiKey(token)) {
    const key = await findApiKey(db, token);
    const session = key ? await services.authorizer.forApiKey(key.id, key.userId) : null;
    return session
      ? { session, sessionProblem: null }
      : {
          session: ANONYMOUS,
          sessionProblem: rejected('This API key is not valid, expired or revoked.'),
        };
  }
  const claims = await verifyAccessToken(services.keyRing, token);
  const session = claims
    ? await services.authorizer.forSession(claims.userId, claims.sessionId)
    : null;
  return session
    ? { session, sessionProblem: null }
    : {
        session: ANONYMOUS,
        sessionProblem: rejected('The access token is expired or not valid: refresh the session.'),
      };
}
