// HTTP endpoints of the media module: image upload, rendition download and
// product QR codes. Registered from src/server.ts.
import type { Database } from '@bazaar/db';
import fastifyMultipart from '@fastify/multipart';
import { Permission } from '@bazaar/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { resolveSession } from '../../common/auth/resolve-session.js';
import { canAnywhere } from '../../common/auth/session.js';
import type { Services } from '../../context.js';
import { MediaError } from './media.errors.js';
import { MAX_UPLOAD_BYTES, contentTypeOf, qrProductSlug, storeImage } from './media.service.js';
import { type MediaStorage, createMediaStorage, isValidKey } from './media.storage.js';
import { Image, ImageFormat } from './media.types.js';
import { imageUrl } from './media.urls.js';

export interface MediaRouteOptions {
  db: Database;
  services: Services;
  /** Defaults to the storage env selects (local disk or S3). */
  storage?: MediaStorage;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ONE_DAY = 'public, max-age=86400';

/** A rendition's key as served: `<storage key>/<width>.<webp|avif|jpeg>`. */
const RENDITION_FILE = /\/[1-9][0-9]{0,4}\.(webp|avif|jpeg)$/;
const SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,198}[A-Za-z0-9])?$/;

function refuse(reply: FastifyReply, error: MediaError) {
  return reply.code(error.status).send({ code: error.code, message: error.message });
}

export async function registerMediaRoutes(
  app: FastifyInstance,
  { db, services, storage = createMediaStorage(services.env) }: MediaRouteOptions,
): Promise<void> {
  const { env } = services;

  // Multipart parsing only for the upload route (encapsulated: /graphql keeps its parsers).
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });

    scope.post('/media', async (request, reply) => {
      try {
        const uploadedById = await authorizeUpload(request);
        const declared = Number(request.headers['content-length']);
        if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
        const bytes = await readFileField(request);
        const media = await storeImage({ prisma: db.prisma, storage }, { bytes, uploadedById });
        const image = Image.fromMedia(media);
        return reply.code(201).send({
          id: image.id,
          width: image.width,
          height: image.height,
          url: imageUrl(env, image, 800, ImageFormat.WEBP),
        });
      } catch (error) {
        if (error instanceof MediaError) return refuse(reply, error);
        throw error;
      }
    });
  });

  /**
   * Uploads come from the back-office or an integration with
   * `Authorization: Bearer <access token | API key>`, never from a cookie, so
   * a cross-site form cannot post here.
   */
  async function authorizeUpload(request: FastifyRequest): Promise<string> {
    const authorization = request.headers.authorization;
    if (!authorization)
      throw new MediaError('UNAUTHENTICATED', 'Send Authorization: Bearer <token or API key>.');
    const { session, sessionProblem } = await resolveSession(authorization, services, db);
    if (sessionProblem || !session.userId)
      throw new MediaError('UNAUTHENTICATED', sessionProblem?.message ?? 'Sign in first.');
    if (!canAnywhere(session, Permission.PRODUCTS_MANAGE))
      throw new MediaError('FORBIDDEN', 'Uploading images needs products:manage for a seller.');
    return session.userId;
  }

  const tooLarge = () =>
    new MediaError(
      'FILE_TOO_LARGE',
      `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`,
    );

  async function readFileField(request: FastifyRequest): Promise<Buffer> {
    try {
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw new MediaError('FILE_REQUIRED', 'Send the image as the multipart field "file".');
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
      if (bytes.length === 0) throw new MediaError('FILE_REQUIRED', 'The file is empty.');
      return bytes;
    } catch (error) {
      if (error instanceof MediaError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
        throw new MediaError('FILE_REQUIRED', 'Send multipart/form-data with a "file" field.');
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
        throw new MediaError('FILE_REQUIRED', 'Send one file in the field "file".');
      throw error;
    }
  }

  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const match = RENDITION_FILE.exec(key);
    if (!match || !isValidKey(key))
      return refuse(reply, new MediaError('NOT_FOUND', 'No such image.'));
    const stored = await storage.get(key);
    if (!stored) return refuse(reply, new MediaError('NOT_FOUND', 'No such image.'));
    reply
      .header('content-type', contentTypeOf(match[1] as ImageFormat))
      .header('cache-control', IMMUTABLE)
      .header('x-content-type-options', 'nosniff');
    if (stored.etag) {
      reply.header('etag', stored.etag);
      if (request.headers['if-none-match'] === stored.etag) {
        stored.body.destroy();
        return reply.code(304).send();
      }
    }
    if (stored.bytes !== null) reply.header('content-length', stored.bytes);
    return reply.send(stored.body);
  });

  app.get('/qr/products/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const match = /^(.+)\.(svg|png)$/.exec(file);
    const slug = match?.[1];
    const type = match?.[2];
    const found = slug && SLUG.test(slug) ? await qrProductSlug(db.prisma, slug) : null;
    if (!found || !type) return refuse(reply, new MediaError('NOT_FOUND', 'No such product.'));
    const target = `${env.PUBLIC_URL.replace(/\/+$/, '')}/p/${encodeURIComponent(found)}`;
    const download = (request.query as { download?: string }).download === '1';
    reply
      .header('cache-control', ONE_DAY)
      .header(
        'content-disposition',
        `${download ? 'attachment' : 'inline'}; filename="${found}-qr.${type}"`,
      );
    const options = { errorCorrectionLevel: 'M', margin: 2 } as const;
    if (type === 'svg')
      return reply
        .type('image/svg+xml')
        .send(await QRCode.toString(target, { ...options, type: 'svg' }));
    return reply
      .type('image/png')
      .send(await QRCode.toBuffer(target, { ...options, type: 'png', width: 512 }));
  });
}
