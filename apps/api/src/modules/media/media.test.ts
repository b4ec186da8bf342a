import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { loadEnv } from '../../env.js';
import { createMediaLoaders } from './media.loaders.js';
import { ImageFieldResolver } from './media.resolver.js';
import { MAX_UPLOAD_BYTES, sniffImageType } from './media.service.js';
import { Image, ImageFormat } from './media.types.js';
import { jpegFallbackWidth, renditionWidths } from './media.urls.js';

const mediaDir = await mkdtemp(join(tmpdir(), 'bazaar-media-api-'));
afterAll(() => rm(mediaDir, { recursive: true, force: true }));
const PUBLIC_URL = 'https://shop.example';

/** A multipart/form-data body with one file part. */
function multipart(
  bytes: Buffer,
  { field = 'file', filename = 'photo.png', type = 'image/png' } = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----bazaar${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A noisy PNG (noise keeps it from compressing to nothing). */
async function png(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 7919 + (i >> 5) * 31) & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('media', async () => {
  const api = await startApi({ MEDIA_DIR: mediaDir, PUBLIC_URL });
  const { seller, owner } = await createSeller('media-shop');
  const sellerSession = await signIn(api, owner.email);
  await createUser('shopper@media.test');
  const shopperSession = await signIn(api, 'shopper@media.test');
  const auth = { authorization: `Bearer ${sellerSession.token}` };

  function upload(
    bytes: Buffer,
    headers: Record<string, string> = auth,
    options?: Parameters<typeof multipart>[1],
  ) {
    const body = multipart(bytes, options);
    return api.app.inject({
      method: 'POST',
      url: '/media',
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }
  const mediaCount = () => db.prisma.media.count({ where: { uploadedById: owner.id } });

  it('stores WebP and AVIF renditions at each width up to the original and one JPEG fallback', async () => {
    const original = await png(1000, 600);
    const response = await upload(original);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ width: 1000, height: 600 });
    const row = await db.prisma.media.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      uploadedById: owner.id,
      contentType: 'image/png',
      width: 1000,
      height: 600,
      bytes: original.length,
    });
    expect(body.url).toBe(`${PUBLIC_URL}/media/${row.storageKey}/960.webp`);

    const files = (await readdir(join(mediaDir, row.storageKey))).sort();
    expect(files).toEqual(
      [...[160, 320, 640, 960, 1000].flatMap((w) => [`${w}.webp`, `${w}.avif`]), '960.jpeg'].sort(),
    );
    for (const [file, format, width] of [
      ['160.webp', 'webp', 160],
      ['1000.avif', 'heif', 1000],
      ['960.jpeg', 'jpeg', 960],
    ] as const) {
      const meta = await sharp(join(mediaDir, row.storageKey, file)).metadata();
      expect({ format: meta.format, width: meta.width }).toEqual({ format, width });
    }
    const image = Image.fromMedia(row);
    expect(image.renditions).toContainEqual(
      expect.objectContaining({
        width: 640,
        height: 384,
        format: 'webp',
        key: `${row.storageKey}/640.webp`,
      }),
    );

    // The Image fields, through the loader the catalog uses and the field resolver.
    const loaded = await createMediaLoaders(db.prisma).mediaById.load(row.id);
    expect(loaded).toBeInstanceOf(Image);
    const ctx = { services: { env: loadEnv({ PUBLIC_URL }) } } as never;
    const fields = new ImageFieldResolver();
    const base = `${PUBLIC_URL}/media/${row.storageKey}`;
    expect(fields.url(loaded!, 800, ImageFormat.WEBP, ctx)).toBe(`${base}/960.webp`);
    expect(fields.url(loaded!, 320, ImageFormat.AVIF, ctx)).toBe(`${base}/320.avif`);
    expect(fields.url(loaded!, 4000, ImageFormat.WEBP, ctx)).toBe(`${base}/1000.webp`);
    expect(fields.url(loaded!, 100, ImageFormat.JPEG, ctx)).toBe(`${base}/960.jpeg`);
    expect(fields.srcSet(loaded!, ImageFormat.WEBP, ctx)).toBe(
      [160, 320, 640, 960, 1000].map((w) => `${base}/${w}.webp ${w}w`).join(', '),
    );
    expect(fields.srcSet(loaded!, ImageFormat.JPEG, ctx)).toBe(`${base}/960.jpeg 960w`);
  });

  it('serves renditions with long cache headers and an ETag', async () => {
    const created = (await upload(await png(200, 100))).json();
    const { storageKey } = await db.prisma.media.findUniqueOrThrow({ where: { id: created.id } });
    const response = await api.app.inject({ url: `/media/${storageKey}/160.avif` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/avif');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const etag = response.headers['etag'] as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await sharp(response.rawPayload).metadata()).width).toBe(160);
    const again = await api.app.inject({
      url: `/media/${storageKey}/160.avif`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // The original is 200 wide: a 200 rendition exists, nothing wider.
    expect((await api.app.inject({ url: `/media/${storageKey}/200.webp` })).statusCode).toBe(200);
    expect((await api.app.inject({ url: `/media/${storageKey}/320.webp` })).statusCode).toBe(404);
  });

  it('answers 404 for unknown keys and refuses path traversal', async () => {
    await writeFile(join(mediaDir, 'secret.webp'), 'not for you');
    for (const url of [
      '/media/0192f7a4-0000-7000-8000-000000000000/160.webp',
      '/media/../package.json',
      '/media/..%2F..%2Fpackage.json',
      '/media/x/..%2F..%2F..%2Fpackage.json',
      '/media/%2e%2e/secret.webp',
      '/media/a/%2e%2e/160.webp',
      '/media/secret.webp',
      '/media/abc/160.png',
      '/media/abc/160.webp%00.png',
    ]) {
      const response = await api.app.inject({ url });
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('not for you');
      expect(response.body, url).not.toContain('"name"');
    }
  });

  it('sniffs the content type from the bytes, never from what the client declares', async () => {
    const response = await upload(await png(300, 300), auth, {
      filename: 'photo.jpg',
      type: 'image/jpeg',
    });
    expect(response.statusCode).toBe(201);
    const row = await db.prisma.media.findUniqueOrThrow({ where: { id: response.json().id } });
    expect(row.contentType).toBe('image/png');
    // 300 wide: WebP and AVIF at 160 and 300, JPEG at 300.
    expect((await readdir(join(mediaDir, row.storageKey))).sort()).toEqual([
      '160.avif',
      '160.webp',
      '300.avif',
      '300.jpeg',
      '300.webp',
    ]);
  });

  it('refuses files that are not images, with nothing stored', async () => {
    const before = await mediaCount();
    const filesBefore = (await readdir(mediaDir)).length;
    const text = await upload(Buffer.from('just some text pretending to be a picture\n'), auth, {
      filename: 'cat.png',
      type: 'image/png',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    // SVG (scripts) and a PNG signature followed by garbage.
    const svg = await upload(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      auth,
      { type: 'image/svg+xml' },
    );
    expect(svg.statusCode).toBe(415);
    const broken = Buffer.concat([(await png(50, 50)).subarray(0, 40), Buffer.alloc(200, 1)]);
    const invalid = await upload(broken);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'IMAGE_INVALID' });
    expect(await mediaCount()).toBe(before);
    expect((await readdir(mediaDir)).length).toBe(filesBefore);
  });

  it('refuses uploads over 10 MB with 413 and stores nothing', async () => {
    const before = await mediaCount();
    const head = await png(64, 64);
    // One byte over (caught while streaming the part) and far over (caught by Content-Length).
    for (const size of [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES + 1024 * 1024]) {
      const big = Buffer.concat([head, Buffer.alloc(size - head.length, 7)]);
      const response = await upload(big);
      expect(response.statusCode, String(size)).toBe(413);
      expect(response.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    }
    expect(await mediaCount()).toBe(before);
    // Exactly 10 MB is accepted (the PNG decoder ignores bytes after its end).
    const exact = await upload(
      Buffer.concat([head, Buffer.alloc(MAX_UPLOAD_BYTES - head.length, 7)]),
    );
    expect(exact.statusCode).toBe(201);
  });

  it('refuses decompression bombs (over 40 megapixels) before decoding them', async () => {
    // 8000 x 8000 of one colour: a few kB of PNG, 64 megapixels decoded.
    const bomb = await sharp({
      create: { width: 8000, height: 8000, channels: 3, background: '#ffffff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await mediaCount();
    const response = await upload(bomb);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IMAGE_INVALID' });
    expect(await mediaCount()).toBe(before);
  });

  it('rotates by EXIF orientation and strips metadata', async () => {
    const jpeg = await sharp(await png(400, 200))
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'GPS-and-secrets' } } })
      .toBuffer();
    const response = await upload(jpeg, auth, { filename: 'p.jpg', type: 'image/jpeg' });
    expect(response.statusCode).toBe(201);
    // Orientation 6 is a quarter turn: 400x200 displays as 200x400.
    expect(response.json()).toMatchObject({ width: 200, height: 400 });
    const row = await db.prisma.media.findUniqueOrThrow({ where: { id: response.json().id } });
    const stored = await readFile(join(mediaDir, row.storageKey, '200.jpeg'));
    const meta = await sharp(stored).metadata();
    expect({ w: meta.width, h: meta.height, exif: meta.exif, o: meta.orientation }).toEqual({
      w: 200,
      h: 400,
      exif: undefined,
      o: undefined,
    });
    expect(stored.toString('latin1')).not.toContain('GPS-and-secrets');
  });

  it('needs a bearer session with products:manage for some seller', async () => {
    const image = await png(50, 50);
    const before = await db.prisma.media.count();
    const anonymous = await upload(image, {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await upload(image, { authorization: 'Bearer not-a-token' })).statusCode).toBe(401);
    expect((await upload(image, { authorization: 'Basic abc' })).statusCode).toBe(401);
    const shopper = await upload(image, { authorization: `Bearer ${shopperSession.token}` });
    expect(shopper.statusCode).toBe(403);
    expect(shopper.json()).toMatchObject({ code: 'FORBIDDEN' });
    // A cookie alone (the refresh cookie) never authenticates an upload.
    const cookieOnly = await upload(image, { cookie: sellerSession.cookie ?? 'refresh=x' });
    expect(cookieOnly.statusCode).toBe(401);
    expect(await db.prisma.media.count()).toBe(before);

    // An API key made by the seller owner with products:manage for the seller works.
    const created = (
      await sellerSession.graphql(
        `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret errors { code } } }`,
        { input: { name: 'ERP', permissions: ['PRODUCTS_MANAGE'], sellerId: seller.id } },
      )
    ).data?.apiKeyCreate;
    expect(created.errors).toEqual([]);
    expect((await upload(image, { authorization: `Bearer ${created.secret}` })).statusCode).toBe(
      201,
    );
  });

  it('asks for the file in the "file" field', async () => {
    const response = await upload(await png(50, 50), auth, { field: 'picture' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'FILE_REQUIRED' });
    const json = await api.app.inject({
      method: 'POST',
      url: '/media',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ code: 'FILE_REQUIRED' });
  });

  describe('QR codes', async () => {
    await db.prisma.product.createMany({
      data: [
        { slug: 'qr-linen-shirt', title: { en: 'Linen shirt' }, status: 'PUBLISHED' },
        { slug: 'qr-draft', title: { en: 'Draft' }, status: 'DRAFT' },
        { slug: 'qr-archived', title: { en: 'Old' }, status: 'ARCHIVED' },
      ],
    });

    it('serves an SVG that opens the product page', async () => {
      const response = await api.app.inject({ url: '/qr/products/qr-linen-shirt.svg' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(response.headers['cache-control']).toBe('public, max-age=86400');
      expect(response.headers['content-disposition']).toBe(
        'inline; filename="qr-linen-shirt-qr.svg"',
      );
      expect(response.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(response.body).toMatch(/<path[^>]* d="M[0-9]/);
      // The same code as the qrcode library makes for the product URL.
      const QRCode = (await import('qrcode')).default;
      expect(response.body).toBe(
        await QRCode.toString(`${PUBLIC_URL}/p/qr-linen-shirt`, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 2,
        }),
      );
    });

    it('serves a PNG, as an attachment on ?download=1', async () => {
      const response = await api.app.inject({ url: '/qr/products/QR-Linen-Shirt.png?download=1' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="qr-linen-shirt-qr.png"',
      );
      const meta = await sharp(response.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 512, height: 512 });
      // Draft products have a code too (sellers print labels before publishing).
      expect((await api.app.inject({ url: '/qr/products/qr-draft.png' })).statusCode).toBe(200);
    });

    it('answers 404 for unknown, archived or malformed slugs and other extensions', async () => {
      for (const url of [
        '/qr/products/no-such-product.svg',
        '/qr/products/qr-archived.svg',
        '/qr/products/qr-linen-shirt.gif',
        '/qr/products/qr-linen-shirt',
        '/qr/products/..%2Fqr-linen-shirt.svg',
        '/qr/products/qr%22linen.svg',
      ]) {
        expect((await api.app.inject({ url })).statusCode, url).toBe(404);
      }
    });
  });
});

describe('media helpers', () => {
  it('render widths up to the original, capped at 1920, with one JPEG fallback', () => {
    expect(renditionWidths(100)).toEqual([100]);
    expect(renditionWidths(160)).toEqual([160]);
    expect(renditionWidths(700)).toEqual([160, 320, 640, 700]);
    expect(renditionWidths(1920)).toEqual([160, 320, 640, 960, 1280, 1920]);
    expect(renditionWidths(6000)).toEqual([160, 320, 640, 960, 1280, 1920]);
    expect(jpegFallbackWidth([160, 320, 640, 960, 1280])).toBe(960);
    expect(jpegFallbackWidth([160, 320, 640, 700])).toBe(700);
    expect(jpegFallbackWidth([100])).toBe(100);
  });

  it('sniff JPEG, PNG, GIF, WebP and AVIF by their magic numbers only', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } });
    expect(sniffImageType(await base.clone().jpeg().toBuffer())).toBe('image/jpeg');
    expect(sniffImageType(await base.clone().png().toBuffer())).toBe('image/png');
    expect(sniffImageType(await base.clone().gif().toBuffer())).toBe('image/gif');
    expect(sniffImageType(await base.clone().webp().toBuffer())).toBe('image/webp');
    expect(sniffImageType(await base.clone().avif().toBuffer())).toBe('image/avif');
    expect(sniffImageType(await base.clone().tiff().toBuffer())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7\n...........'))).toBeNull();
  });

  it('URLs point at the bucket when S3 has a public URL, else at the API', () => {
    const image = Object.assign(new Image(), {
      id: 'm',
      width: 500,
      height: 500,
      storageKey: 'k',
      renditions: [
        { width: 160, height: 160, format: ImageFormat.WEBP, key: 'k/160.webp', bytes: 1 },
        { width: 500, height: 500, format: ImageFormat.WEBP, key: 'k/500.webp', bytes: 1 },
        { width: 500, height: 500, format: ImageFormat.JPEG, key: 'k/500.jpeg', bytes: 1 },
      ],
    });
    const fields = new ImageFieldResolver();
    const s3 = loadEnv({
      S3_BUCKET: 'b',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 's',
      S3_PUBLIC_URL: 'https://cdn.example/media/',
    });
    const ctx = (env: ReturnType<typeof loadEnv>) => ({ services: { env } }) as never;
    expect(fields.url(image, 100, ImageFormat.WEBP, ctx(s3))).toBe(
      'https://cdn.example/media/k/160.webp',
    );
    // No AVIF renditions: WebP is used instead.
    expect(fields.url(image, 300, ImageFormat.AVIF, ctx(s3))).toBe(
      'https://cdn.example/media/k/500.webp',
    );
    const local = loadEnv({ PUBLIC_URL: 'http://localhost:4000' });
    expect(fields.srcSet(image, ImageFormat.AVIF, ctx(local))).toBe(
      'http://localhost:4000/media/k/160.webp 160w, http://localhost:4000/media/k/500.webp 500w',
    );
    expect(() => loadEnv({ S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
  });
});
