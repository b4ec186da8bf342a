import { setupTestServer, type TestServer } from '@bazaar/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

export default (project: TestProject) =>
  setupTestServer((server) => project.provide('testServer', server), process.env.DATABASE_URL);
