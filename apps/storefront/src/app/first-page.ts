import type { ApolloClient } from '@apollo/client';
import { loadCategoryView } from '../features/catalog';
import { loadHomeView } from '../features/home';
import { loadProductView } from '../features/product';

type Prefetch = (client: ApolloClient, url: URL) => void;

/**
 * The pages visits usually start on: their path, the loader of their code (the one
 * their route uses) and of the function that asks for their data.
 */
const FIRST_PAGES: ReadonlyArray<{
  path: RegExp;
  code: () => Promise<unknown>;
  data: () => Promise<Prefetch>;
}> = [
  {
    path: /^\/$/,
    code: loadHomeView,
    data: async () => (await import('../features/home/first-load')).prefetchHomePage,
  },
  {
    path: /^\/c\/[^/]+\/?$/,
    code: loadCategoryView,
    data: async () => (await import('../features/catalog/first-load')).prefetchCategoryPage,
  },
  {
    path: /^\/p\/[^/]+\/?$/,
    code: loadProductView,
    data: async () => (await import('../features/product/first-load')).prefetchProductPage,
  },
];

/**
 * Starts the first page: its code, and its queries as soon as Apollo's client is in,
 * without waiting for the entry chunk, React and the router (preload.ts runs this
 * while they download). The page's views then find their data in flight or cached.
 * Other pages load as before.
 */
export function startFirstPage(url: URL, client: Promise<ApolloClient>): void {
  const page = FIRST_PAGES.find(({ path }) => path.test(url.pathname));
  if (!page) return;
  void page.code().catch(() => undefined);
  void Promise.all([client, page.data()])
    .then(([ready, prefetch]) => prefetch(ready, url))
    .catch(() => undefined);
}
