// E-mail leaves through an outbox: a service writes the message in the same
// transaction as its cause (a sign-up, a reset request), and the delivery job
// sends it afterwards, retrying with backoff. Nothing is sent for a change
// that rolled back, and nothing is lost when a process dies.
import type { Prisma } from '@bazaar/db';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function enqueueMail(tx: Prisma.TransactionClient, mail: Mail): Promise<void> {
  await tx.emailOutbox.create({ data: mail });
}
