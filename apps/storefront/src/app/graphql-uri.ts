/** The GraphQL endpoint: same origin in production (the API serves this app) and in dev (vite proxies it). */
export const GRAPHQL_URI = '/graphql';
