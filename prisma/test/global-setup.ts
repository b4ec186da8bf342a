import type { TestProject } from 'vitest/node';
import { startTestServer, type TestServer } from '../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer(process.env.DATABASE_URL);
  project.provide('testServer', { serverUrl: server.serverUrl, template: server.template });
  return () => server.stop();
}
