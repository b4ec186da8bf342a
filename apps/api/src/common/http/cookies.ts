import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpExchange } from '../../context.js';

/**
 * Cookies are HttpOnly, SameSite=Lax, Secure (browsers accept Secure on
 * http://localhost too) and scoped to /graphql, the only path that reads them.
 */
export function cookieJar(
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
): HttpExchange {
  const options = { httpOnly: true, secure, sameSite: 'lax', path: '/graphql' } as const;
  return {
    cookie: (name) => request.cookies[name],
    setCookie: (name, value, maxAgeSeconds) =>
      void reply.setCookie(name, value, { ...options, maxAge: maxAgeSeconds }),
    clearCookie: (name) => void reply.clearCookie(name, options),
  };
}
