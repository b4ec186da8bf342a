// HTTP endpoints of CSV import and export (Authorization: Bearer like /graphql):
//   POST /imports?sellerId=&dryRun=[&fileName=]  text/csv body (<= 20 MB) -> 202 { id }
//   GET  /imports/<id>/errors.csv                the per-row error report
//   GET  /exports/catalog.csv?sellerId=          the seller's catalog in the import format
// Refusals are JSON { code, message } with 400, 401, 403, 404, 413 or 415.
import { Readable } from 'node:stream';
import type { Database } from '@bazaar/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession } from '../../common/auth/resolve-session.js';
import type { Session } from '../../common/auth/session.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Services } from '../../context.js';
import { MAX_BYTES } from './imports.csv.js';
import {
  canExport,
  canImport,
  catalogExportLines,
  cleanFileName,
  errorReportLines,
  queueImport,
} from './imports.service.js';

export interface ImportRouteOptions {
  db: Database;
  services: Services;
  /** Starts the import worker of this process at once. */
  wake: () => void;
}

/** Content types a CSV upload arrives with (spreadsheets and browsers vary). */
const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (reply: FastifyReply, refusal: Refusal) =>
  reply.code(refusal.status).send({ code: refusal.code, message: refusal.message });

export async function registerImportRoutes(
  app: FastifyInstance,
  { db, services, wake }: ImportRouteOptions,
): Promise<void> {
  async function signedIn(request: FastifyRequest): Promise<Session> {
    if (!request.headers.authorization)
      throw new Refusal(401, 'UNAUTHENTICATED', 'Send Authorization: Bearer <token or API key>.');
    const { session, sessionProblem } = await resolveSession(
      request.headers.authorization,
      services,
      db,
    );
    if (sessionProblem || !session.userId)
      throw new Refusal(401, 'UNAUTHENTICATED', sessionProblem?.message ?? 'Sign in first.');
    return session;
  }

  async function sellerOf(query: unknown): Promise<string> {
    const sellerId = (query as { sellerId?: unknown }).sellerId;
    if (!isUuid(sellerId)) throw new Refusal(400, 'BAD_REQUEST', 'Give sellerId (a seller id).');
    return sellerId;
  }

  async function ensureSeller(sellerId: string) {
    const seller = await db.prisma.seller.findUnique({
      where: { id: sellerId },
      select: { id: true },
    });
    if (!seller) throw new Refusal(404, 'NOT_FOUND', 'This seller does not exist.');
  }

  // The CSV body parser exists only in this scope: /graphql keeps its own.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      CSV_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler(
      (error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
          return refuse(
            reply,
            new Refusal(413, 'FILE_TOO_LARGE', 'The file is larger than 20 MB.'),
          );
        if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415)
          return refuse(
            reply,
            new Refusal(
              415,
              'UNSUPPORTED_MEDIA_TYPE',
              'Send the file as the body, with Content-Type: text/csv.',
            ),
          );
        if (error.statusCode && error.statusCode < 500)
          return refuse(reply, new Refusal(error.statusCode, 'BAD_REQUEST', error.message));
        throw error;
      },
    );

    scope.post('/imports', { bodyLimit: MAX_BYTES }, async (request, reply) => {
      try {
        const session = await signedIn(request);
        const sellerId = await sellerOf(request.query);
        if (!canImport(session, sellerId))
          throw new Refusal(
            403,
            'FORBIDDEN',
            'Importing needs products:manage, offers:manage and inventory:manage for this seller.',
          );
        await ensureSeller(sellerId);
        const query = request.query as { dryRun?: string; fileName?: string };
        if (query.dryRun !== undefined && query.dryRun !== 'true' && query.dryRun !== 'false')
          throw new Refusal(400, 'BAD_REQUEST', 'dryRun is true or false.');
        if (!Buffer.isBuffer(request.body))
          throw new Refusal(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the file as the body, with Content-Type: text/csv.',
          );
        const disposition = /filename="?([^";]+)"?/i.exec(
          String(request.headers['content-disposition'] ?? ''),
        )?.[1];
        const job = await queueImport(db, {
          sellerId,
          createdById: session.userId,
          dryRun: query.dryRun === 'true',
          fileName: cleanFileName(query.fileName ?? disposition),
          bytes: request.body,
        });
        wake();
        return reply.code(202).send(job);
      } catch (error) {
        if (error instanceof Refusal) return refuse(reply, error);
        throw error;
      }
    });
  });

  app.get('/imports/:id/errors.csv', async (request, reply) => {
    try {
      const session = await signedIn(request);
      const { id } = request.params as { id: string };
      const job = isUuid(id)
        ? await db.prisma.importJob.findUnique({
            where: { id },
            select: { sellerId: true, fileName: true, errors: true, failure: true },
          })
        : null;
      if (!job) throw new Refusal(404, 'NOT_FOUND', 'No such import.');
      if (!canImport(session, job.sellerId))
        throw new Refusal(403, 'FORBIDDEN', "You cannot see this seller's imports.");
      const errors = [
        // A refused file has one line: why (row 0 is the header).
        ...(job.failure
          ? [{ row: 0, column: null, code: 'FILE_REFUSED', message: job.failure }]
          : []),
        ...(Array.isArray(job.errors)
          ? (job.errors as { row: number; column: string | null; code: string; message: string }[])
          : []),
      ];
      const name = job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_') || 'import';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-errors.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Readable.from(errorReportLines(errors)));
    } catch (error) {
      if (error instanceof Refusal) return refuse(reply, error);
      throw error;
    }
  });

  app.get('/exports/catalog.csv', async (request, reply) => {
    try {
      const session = await signedIn(request);
      const sellerId = await sellerOf(request.query);
      if (!canExport(session, sellerId))
        throw new Refusal(
          403,
          'FORBIDDEN',
          'Exporting needs products:read and inventory:read for this seller.',
        );
      await ensureSeller(sellerId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="catalog.csv"')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(catalogExportLines(db, sellerId)));
    } catch (error) {
      if (error instanceof Refusal) return refuse(reply, error);
      throw error;
    }
  });
}
