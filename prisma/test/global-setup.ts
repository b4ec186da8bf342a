import type { TestProject } from 'vitest/node';
import { setupTestServer, type TestServer } from '../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

export default (project: TestProject) =>
  setupTestServer((server) => project.provide('testServer', server), process.env.DATABASE_URL);
