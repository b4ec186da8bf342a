import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { catchError, defer, from, mergeMap, of, throwError, type Observable } from 'rxjs';

import type { SessionStore } from './session-store';

declare module '@apollo/client' {
  interface DefaultContext {
    /**
     * `false` for the operations that create or refresh a session: they send
     * no bearer token and are never retried after a refresh.
     */
    auth?: boolean;
  }
}

function unauthenticated(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return errors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED') ?? false;
}

/** A thrown HTTP 401, or a non-2xx response whose body says UNAUTHENTICATED. */
function unauthenticatedError(error: unknown): boolean {
  if (!ServerError.is(error)) return false;
  if (error.statusCode === 401) return true;
  try {
    const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
    return unauthenticated(body.errors);
  } catch {
    return false;
  }
}

/**
 * Adds `Authorization: Bearer <access token>` to every operation and, when the
 * API answers UNAUTHENTICATED (the token expired or its key retired), refreshes
 * the session once and sends the operation again. Refreshes are shared (see
 * SessionStore), so ten queries failing together cause one refresh.
 */
export function createAuthLink(session: SessionStore): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.getContext().auth === false) return forward(operation);

    let retried = false;
    const attempt = (): Observable<ApolloLink.Result> =>
      defer(async () => {
        await session.ensureFresh();
        return session.getAccessToken();
      }).pipe(
        mergeMap((token) => {
          operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
            const next = { ...headers };
            if (token) next['authorization'] = `Bearer ${token}`;
            else delete next['authorization'];
            return { headers: next };
          });
          const retry = (fallback: Observable<ApolloLink.Result>) => {
            // Only a request that carried a token can be rescued by a new one.
            if (retried || !token) return fallback;
            retried = true;
            // Another request may already have refreshed while this one was out.
            if (session.getAccessToken() !== token) return attempt();
            return from(session.refresh()).pipe(mergeMap((ok) => (ok ? attempt() : fallback)));
          };
          return forward(operation).pipe(
            mergeMap((result) => (unauthenticated(result.errors) ? retry(of(result)) : of(result))),
            catchError((error: unknown) =>
              unauthenticatedError(error)
                ? retry(throwError(() => error))
                : throwError(() => error),
            ),
          );
        }),
      );

    return attempt();
  });
}
