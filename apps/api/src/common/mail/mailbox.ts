// /dev/mailbox: every e-mail the outbox holds, newest first, so sign-up,
// verification and password reset work on a machine with no mail server.
// Never on in production unless DEV_MAILBOX says so (it shows live tokens).
import type { Database } from '@bazaar/db';
import type { FastifyInstance } from 'fastify';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text with its URLs made into links. */
const linkify = (text: string) =>
  escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function serveMailbox(app: FastifyInstance, db: Database): void {
  app.get('/dev/mailbox', async (request, reply) => {
    const to =
      typeof (request.query as { to?: unknown }).to === 'string'
        ? (request.query as { to: string }).to
        : undefined;
    const mails = await db.prisma.emailOutbox.findMany({
      where: to ? { to: { equals: to, mode: 'insensitive' } } : {},
      orderBy: { createdAt: 'desc' },
      take: 50,
    });
    const items = mails
      .map(
        (mail) => `<article>
  <h2>${escape(mail.subject)}</h2>
  <p class="meta">To <strong>${escape(mail.to)}</strong> · ${mail.createdAt.toISOString()}</p>
  <pre>${linkify(mail.text)}</pre>
</article>`,
      )
      .join('\n');
    return reply.type('text/html').header('cache-control', 'no-store').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Development mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #ccc;border-radius:8px;padding:0 1rem;margin:1rem 0}.meta{color:#555}
pre{white-space:pre-wrap;font:inherit}</style></head>
<body><h1>Development mailbox</h1>
<p>E-mails Bazaar would have sent${to ? ` to ${escape(to)}` : ''} (no SMTP server is configured).</p>
${items || '<p>No e-mail yet.</p>'}
</body></html>`);
  });
}
