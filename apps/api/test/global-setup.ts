import { startTestServer, type TestServer } from '@bazaar/db/testing';
import type { TestProject } from 'vitest/node';

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
