import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { deliverDueMail } from './mail-delivery.js';
import { enqueueMail } from './outbox.js';

const silent = { warn: () => {}, error: () => {} } as never;

describe('e-mail outbox', async () => {
  beforeEach(() => db.prisma.emailOutbox.deleteMany());

  it('sends what was committed, once, and nothing of a rolled-back change', async () => {
    await db.prisma.$transaction((tx) =>
      enqueueMail(tx, { to: 'a@example.com', subject: 'Kept', text: 'hi' }),
    );
    await db.prisma
      .$transaction(async (tx) => {
        await enqueueMail(tx, { to: 'b@example.com', subject: 'Lost', text: 'hi' });
        throw new Error('the cause failed');
      })
      .catch(() => {});
    const sent: string[] = [];
    const transport = async (mail: { subject: string }) => void sent.push(mail.subject);
    expect(await deliverDueMail(db, transport, silent)).toBe(1);
    expect(await deliverDueMail(db, transport, silent)).toBe(0);
    expect(sent).toEqual(['Kept']);
  });

  it('retries a failed delivery later, with the error recorded', async () => {
    await db.prisma.$transaction((tx) =>
      enqueueMail(tx, { to: 'a@example.com', subject: 'Flaky', text: 'hi' }),
    );
    await deliverDueMail(
      db,
      async () => {
        throw new Error('SMTP 451 try later');
      },
      silent,
    );
    const row = await db.prisma.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: 'Error: SMTP 451 try later',
    });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverDueMail(db, async () => {}, silent)).toBe(0);
  });

  it('shows every message with working links in the development mailbox, and only when enabled', async () => {
    await db.prisma.$transaction((tx) =>
      enqueueMail(tx, {
        to: 'a@example.com',
        subject: 'Confirm <now>',
        text: 'Open http://localhost:4000/verify-email?token=abc',
      }),
    );
    const on = await startApi({ DEV_MAILBOX: 'true' });
    const page = (await on.app.inject('/dev/mailbox?to=A@example.com')).body;
    expect(page).toContain('Confirm &lt;now&gt;');
    expect(page).toContain('<a href="http://localhost:4000/verify-email?token=abc">');
    const off = await startApi({ NODE_ENV: 'production', SERVE_SPAS: 'false' });
    expect((await off.app.inject('/dev/mailbox')).statusCode).toBe(404);
  });
});
