import type { Database } from '@bazaar/db';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Mail } from './outbox.js';

export type Transport = (mail: Mail) => Promise<void>;

const BATCH = 20;
const MAX_ATTEMPTS = 8;

/** SMTP when configured; otherwise mail stays in the outbox for the development mailbox to show. */
export function createTransport(smtpUrl: string | undefined, from: string): Transport {
  if (!smtpUrl) return async () => {};
  const smtp = nodemailer.createTransport(smtpUrl);
  return async (mail) => {
    await smtp.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/**
 * Sends what is due, one batch at a time. Rows are claimed with SKIP LOCKED,
 * so several API replicas can run the job side by side without sending twice.
 */
export async function deliverDueMail(
  db: Database,
  send: Transport,
  log: FastifyBaseLogger,
): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<
      { id: string; to: string; subject: string; text: string; attempts: number }[]
    >`
      SELECT id, "to", subject, text, attempts FROM email_outbox
      WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < ${MAX_ATTEMPTS}
      ORDER BY next_attempt_at LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    for (const mail of due) {
      try {
        await send(mail);
        await tx.emailOutbox.update({
          where: { id: mail.id },
          data: { sentAt: new Date(), attempts: mail.attempts + 1 },
        });
      } catch (error) {
        const delaySeconds = 30 * 2 ** mail.attempts;
        log.warn({ err: error, mailId: mail.id }, 'e-mail delivery failed; will retry');
        await tx.emailOutbox.update({
          where: { id: mail.id },
          data: {
            attempts: mail.attempts + 1,
            lastError: String(error),
            nextAttemptAt: new Date(Date.now() + delaySeconds * 1000),
          },
        });
      }
    }
    return due.length;
  });
}

/** Runs deliverDueMail every few seconds until stopped. */
export function startMailDelivery(
  db: Database,
  send: Transport,
  log: FastifyBaseLogger,
  intervalMs = 2_000,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueMail(db, send, log)
      .catch((error: unknown) => log.error({ err: error }, 'e-mail delivery job failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
