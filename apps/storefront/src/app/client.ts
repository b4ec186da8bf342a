import { createBrowserSessionManager } from '../shared/auth/browser-session';
import { GRAPHQL_URI } from './graphql-uri';

/**
 * The browser's session and API client, one of each, started by the first module to
 * import this (preload.ts, else main.tsx). The session is asked for at once, before
 * React renders: requests wait for the answer. Apollo's client loads with import(),
 * outside the entry chunk (scripts/bundle-budget.mjs).
 */
export const session = createBrowserSessionManager(GRAPHQL_URI);
void session.start();

export const client = import('./apollo').then(({ createApolloClient }) =>
  createApolloClient(session),
);
