import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Where `pnpm dev` forwards API calls. The API listens on 127.0.0.1:4000 by default;
 * BAZAAR_API_ORIGIN overrides it (for instance when several worktrees run at once).
 * In production the API serves this app's files itself, so there is no proxy.
 */
const apiOrigin = process.env.BAZAAR_API_ORIGIN ?? 'http://127.0.0.1:4000';
const apiProxy = { target: apiOrigin, changeOrigin: false };

/**
 * src/preload.ts as a second entry script, ahead of the app's in <head>: it starts the
 * first page's code while the app's entry chunk downloads. Vite merges every module
 * script of index.html into one entry, so this one is a Rollup input of its own, put
 * into the page once its hashed file name is known. Builds only: dev loads modules
 * one by one anyway.
 */
function preloadEntry(): Plugin {
  return {
    name: 'bazaar:preload-entry',
    apply: 'build',
    config: () => ({
      build: {
        rollupOptions: {
          input: {
            index: fileURLToPath(new URL('index.html', import.meta.url)),
            preload: fileURLToPath(new URL('src/preload.ts', import.meta.url)),
          },
        },
      },
    }),
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'preload',
        );
        if (!chunk) throw new Error('The preload entry is missing from the build.');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadEntry()],
  base: '/',
  resolve: {
    // rxjs (through Apollo Client) publishes an ES2015 build under this condition; the
    // default one is ES5 with tslib helpers, ~2 KB larger gzipped for the same code.
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    strictPort: true,
    // Image and QR URLs are built on PUBLIC_URL, which is this server in development.
    proxy: {
      '/graphql': apiProxy,
      '/healthz': apiProxy,
      '/readyz': apiProxy,
      '/media': apiProxy,
      '/qr': apiProxy,
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/graphql': apiProxy,
      '/healthz': apiProxy,
      '/readyz': apiProxy,
      '/media': apiProxy,
      '/qr': apiProxy,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser this targets supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    // jsdom renders slowly while other packages' tasks share the two cores.
    testTimeout: 40_000,
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
