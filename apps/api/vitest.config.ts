import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // SWC emits the decorator metadata type-graphql reads; Vite's own transform does not.
  plugins: [swc.vite()],
  resolve: {
    // Node loads graphql's CommonJS build (it has no "exports"), and so do
    // type-graphql and Apollo; Vite would pick index.mjs for our own imports
    // and graphql refuses to mix the two copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
