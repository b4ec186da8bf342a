import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Where the dev server forwards API calls. The only environment read by the back-office. */
const apiOrigin = process.env.BAZAAR_API_ORIGIN ?? 'http://127.0.0.1:4000';

// /media: image uploads and renditions; /qr: product QR codes;
// /imports, /exports: catalog CSV import (and its error reports) and export.
const apiPaths = [
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
  '/media',
  '/qr',
  '/imports',
  '/exports',
];

export default defineConfig({
  // Production: the API serves this build under /admin/ and falls back to index.html.
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiOrigin }])),
  },
  preview: {
    port: 5174,
    strictPort: true,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiOrigin }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries every page needs get their own long-cached chunks, so a
        // deploy that changes only app code does not re-download them.
        // Feature-only libraries (tables, charts) stay in their route chunks.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications)|@floating-ui|clsx|react-remove-scroll|react-number-format)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // jsdom renders slowly while other packages' tasks share the two cores.
    testTimeout: 40_000,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    css: false,
    restoreMocks: true,
  },
});
