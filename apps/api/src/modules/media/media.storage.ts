// Where renditions live: local disk by default, an S3-compatible bucket when
// S3_BUCKET is set. Keys are validated before they reach either backend.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DATA_DIR } from '@bazaar/db';
import { AwsClient } from 'aws4fetch';
import type { Env } from '../../env.js';

export interface StoredObject {
  body: Readable;
  /** Size in bytes, when the backend says. */
  bytes: number | null;
  contentType: string | null;
  /** A strong validator for conditional requests, quoted. */
  etag: string | null;
}

export interface MediaStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under `key`. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are `<segment>[/<segment>...]/<file>`: segments of letters, digits, `_`
 * and `-` (never `.` or `..`), and a file name with one extension. Anything
 * else is refused, so a key can never leave the storage root.
 */
const KEY =
  /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,99}\/){1,4}[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.[a-z0-9]{1,8}$/;

export function isValidKey(key: string): boolean {
  return key.length <= 400 && KEY.test(key);
}

function checkKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
}

export const DEFAULT_MEDIA_DIR = `${DATA_DIR}/media`;

export function createMediaStorage(env: Env): MediaStorage {
  if (env.S3_BUCKET) {
    return new S3Storage({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(env.MEDIA_DIR ?? DEFAULT_MEDIA_DIR);
}

export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file behind a key; throws on anything that is not a valid key. */
  pathOf(key: string): string {
    checkKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid media key: ${key}`);
    return path;
  }

  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (!stats?.isFile()) return null;
    // Keys are never rewritten (each upload gets a new prefix): size and mtime identify the bytes.
    const tag = createHash('sha1')
      .update(`${key}:${stats.size}:${stats.mtimeMs}`)
      .digest('base64url')
      .slice(0, 20);
    return {
      body: createReadStream(path),
      bytes: stats.size,
      contentType: null,
      etag: `"${tag}"`,
    };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export interface S3Options {
  bucket: string;
  /** https://s3.<region>.amazonaws.com, http://127.0.0.1:9000 (MinIO), ... */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** <endpoint>/<bucket>/<key> rather than <bucket>.<endpoint host>/<key>. */
  forcePathStyle: boolean;
}

/** The URL object keys are appended to: path-style or virtual-hosted. */
export function s3BucketUrl(options: Pick<S3Options, 'bucket' | 'endpoint' | 'forcePathStyle'>) {
  const endpoint = new URL(options.endpoint);
  const path = endpoint.pathname.replace(/\/+$/, '');
  return options.forcePathStyle
    ? `${endpoint.origin}${path}/${encodeURIComponent(options.bucket)}`
    : `${endpoint.protocol}//${options.bucket}.${endpoint.host}${path}`;
}

/** S3 API subset: PutObject, GetObject, DeleteObject, signed with SigV4 (aws4fetch). */
export class S3Storage implements MediaStorage {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(options: S3Options) {
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region,
      service: 's3',
      // aws4fetch retries 5xx and 429 with back-off; keep a failing upload short.
      retries: 2,
    });
    this.base = s3BucketUrl(options);
  }

  private urlOf(key: string): string {
    checkKey(key);
    return `${this.base}/${key}`;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), {
      method: 'PUT',
      body: bytes,
      headers: {
        'content-type': contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        // Signing the payload's hash lets the service reject a corrupted body.
        'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
      },
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: HTTP ${response.status}`);
  }

  async get(key: string): Promise<StoredObject | null> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'GET' });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`S3 GET ${key} failed: HTTP ${response.status}`);
    }
    const length = Number(response.headers.get('content-length'));
    return {
      body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      bytes:
        Number.isFinite(length) && length >= 0 && response.headers.has('content-length')
          ? length
          : null,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'DELETE' });
    await response.body?.cancel();
    // S3 answers 204 whether or not the object existed; some clones say 404.
    if (!response.ok && response.status !== 404)
      throw new Error(`S3 DELETE ${key} failed: HTTP ${response.status}`);
  }
}
