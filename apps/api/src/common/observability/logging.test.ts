import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOGIN, PASSWORD, createUser } from '../../../test/accounts.js';
import { startApi } from '../../../test/api.js';
import { REDACTED_PATHS } from './logger.js';

describe('logs', () => {
  it('never contain passwords, tokens or cookies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _encoding, done) => done(void lines.push(chunk.toString())),
    });
    const logger = pino(
      { level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
      sink,
    );
    const app = Fastify({ loggerInstance: logger });
    app.post('/echo', async (request) => {
      request.log.info({ req: request, body: request.body }, 'body seen');
      return 'ok';
    });
    await app.inject({
      method: 'POST',
      url: '/echo',
      headers: {
        authorization: 'Bearer secret-access-token',
        cookie: 'bazaar_refresh=secret-refresh',
      },
      payload: { password: 'hunter2-but-longer', token: 'secret-reset-token' },
    });
    await app.close();
    const text = lines.join('');
    expect(text).toContain('[redacted]');
    for (const secret of [
      'secret-access-token',
      'secret-refresh',
      'hunter2-but-longer',
      'secret-reset-token',
    ])
      expect(text).not.toContain(secret);
  });

  it('of a real login carry no password or token', async () => {
    await createUser('logs@example.com');
    const lines: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (
      lines.push(String(chunk)),
      true
    )) as typeof process.stdout.write;
    try {
      const api = await startApi({ LOG_LEVEL: 'trace' });
      const result = await api.graphql<any>(LOGIN, {
        email: 'logs@example.com',
        password: PASSWORD,
      });
      const token = result.data.sessionCreate.session.accessToken;
      await api.graphql('{ viewer { user { email } } }', {}, { authorization: `Bearer ${token}` });
      await api.app.close();
      const text = lines.join('');
      expect(text).toContain('"msg":"request"');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(token);
    } finally {
      process.stdout.write = original;
    }
  });
});
