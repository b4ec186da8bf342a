import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Double, s3ContractOptions, startS3Double } from '../../../test/s3-double.js';
import { LocalDiskStorage, type MediaStorage, S3Storage, s3BucketUrl } from './media.storage.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What every storage backend must do; run against each one. */
function storageContract(makeStorage: () => MediaStorage) {
  const prefix = `contract-${randomUUID()}`;
  const bytes = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0, 255]);

  it('stores, reads back and deletes an object', async () => {
    const storage = makeStorage();
    const key = `${prefix}/320.webp`;
    await storage.put(key, bytes, 'image/webp');
    const stored = await storage.get(key);
    expect(stored).not.toBeNull();
    expect(await readAll(stored!.body)).toEqual(bytes);
    expect(stored!.bytes === null || stored!.bytes === bytes.length).toBe(true);
    expect(stored!.etag).toMatch(/^(W\/)?"[^"]+"$/);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    // Deleting what is already gone is not an error.
    await storage.delete(key);
  });

  it('overwrites an object under the same key', async () => {
    const storage = makeStorage();
    const key = `${prefix}/640.avif`;
    await storage.put(key, Buffer.from('first'), 'image/avif');
    await storage.put(key, Buffer.from('second'), 'image/avif');
    expect((await readAll((await storage.get(key))!.body)).toString()).toBe('second');
    await storage.delete(key);
  });

  it('answers null for a key that was never stored', async () => {
    expect(await makeStorage().get(`${prefix}-missing/160.jpeg`)).toBeNull();
  });

  it('refuses keys that could escape the storage root or are malformed', async () => {
    const storage = makeStorage();
    for (const key of [
      '../etc/passwd',
      `${prefix}/../../x.webp`,
      '/abs/1.webp',
      'noprefix.webp',
      `${prefix}/a b.webp`,
      `${prefix}//1.webp`,
      `${prefix}/%2e%2e/1.webp`,
    ])
      await expect(storage.put(key, bytes, 'image/webp'), key).rejects.toThrow(/Invalid media key/);
    await expect(storage.get('../../package.json')).rejects.toThrow(/Invalid media key/);
  });
}

describe('local disk storage', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bazaar-media-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  storageContract(() => new LocalDiskStorage(root));

  it('leaves no temporary files behind', async () => {
    const storage = new LocalDiskStorage(root);
    await storage.put('abc/160.webp', Buffer.from('x'), 'image/webp');
    expect(await readdir(join(root, 'abc'))).toEqual(['160.webp']);
  });
});

describe('S3 storage against a local double that checks SigV4 signatures', () => {
  let double: S3Double;
  beforeAll(async () => {
    double = await startS3Double();
  });
  afterAll(() => double.close());

  storageContract(() => new S3Storage(double.options));

  it('signs every call and sends content type, cache headers and the payload hash', async () => {
    const storage = new S3Storage(double.options);
    double.calls.length = 0;
    await storage.put('signed/960.jpeg', Buffer.from('jpeg bytes'), 'image/jpeg');
    await storage.get('signed/960.jpeg');
    await storage.delete('signed/960.jpeg');
    expect(double.calls).toEqual([
      'PUT /media-test/signed/960.jpeg',
      'GET /media-test/signed/960.jpeg',
      'DELETE /media-test/signed/960.jpeg',
    ]);
    expect(double.refused).toEqual([]);
    await storage.put('signed/160.jpeg', Buffer.from('x'), 'image/jpeg');
    expect(double.objects.get('signed/160.jpeg')).toMatchObject({
      contentType: 'image/jpeg',
      cacheControl: 'public, max-age=31536000, immutable',
    });
  });

  it('fails loudly when the service refuses the credentials', async () => {
    const storage = new S3Storage({ ...double.options, secretAccessKey: 'wrong' });
    await expect(storage.put('bad/160.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(
      /HTTP 403/,
    );
    await expect(storage.get('bad/160.webp')).rejects.toThrow(/HTTP 403/);
    expect(double.refused.length).toBeGreaterThanOrEqual(2);
    expect(double.objects.has('bad/160.webp')).toBe(false);
  });

  it('addresses buckets path-style or virtual-hosted', () => {
    expect(
      s3BucketUrl({ bucket: 'b', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }),
    ).toBe('http://127.0.0.1:9000/b');
    expect(
      s3BucketUrl({
        bucket: 'shop-media',
        endpoint: 'https://s3.eu-west-3.amazonaws.com',
        forcePathStyle: false,
      }),
    ).toBe('https://shop-media.s3.eu-west-3.amazonaws.com');
  });
});

const contract = s3ContractOptions();
describe.skipIf(!contract)(
  'S3 storage contract against a real S3-compatible service (skipped unless S3_CONTRACT_BUCKET, S3_CONTRACT_ENDPOINT, S3_CONTRACT_ACCESS_KEY_ID, S3_CONTRACT_SECRET_ACCESS_KEY are set)',
  () => {
    storageContract(() => new S3Storage(contract!));
  },
);
