import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable, type Subscription } from 'rxjs';
import type { SessionManager } from './session-manager';

type TokenSource = Pick<SessionManager, 'getToken' | 'renewRejected'>;

/**
 * Sends `Authorization: Bearer <access token>` with every request, once any refresh
 * on its way has finished. When the API rejects the token (a GraphQL error with
 * `extensions.code` UNAUTHENTICATED, or HTTP 401), it renews the token once and
 * sends the request again; a second rejection reaches the caller as is.
 */
export function createAuthLink(session: TokenSource): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let closed = false;
        let subscription: Subscription | undefined;

        const send = (token: string | null, isRetry: boolean) => {
          if (closed) return;
          if (token) {
            operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
              headers: { ...headers, authorization: `Bearer ${token}` },
            }));
          }
          // Only a request that carried a token can be helped by a new one, and only once.
          const canRetry = !isRetry && token !== null;
          let retrying = false;
          const renewOr = (giveUp: () => void) => {
            retrying = true;
            session
              .renewRejected(token!)
              .then(
                (renewed) => (renewed && renewed !== token ? send(renewed, true) : giveUp()),
                giveUp,
              );
          };
          subscription = forward(operation).subscribe({
            next: (result) => {
              if (!canRetry || !hasUnauthenticatedError(result)) return observer.next(result);
              renewOr(() => {
                observer.next(result);
                observer.complete();
              });
            },
            error: (error: unknown) => {
              if (!canRetry || !ServerError.is(error) || error.statusCode !== 401) {
                return observer.error(error);
              }
              renewOr(() => observer.error(error));
            },
            complete: () => {
              // A retry under way completes the caller's observer itself.
              if (!retrying) observer.complete();
            },
          });
        };

        session.getToken().then(
          (token) => send(token, false),
          () => send(null, false),
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
}

function hasUnauthenticatedError(result: ApolloLink.Result): boolean {
  const errors = 'errors' in result ? result.errors : undefined;
  return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'UNAUTHENTICATED');
}
