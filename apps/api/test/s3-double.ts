// A local stand-in for the three S3 calls the media storage makes (PutObject,
// GetObject, DeleteObject, path-style), which refuses any request whose SigV4
// signature does not verify. Also reads the settings of a real S3-compatible
// service for the contract test, when they are given.
import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsV4Signer } from 'aws4fetch';
import type { S3Options } from '../src/modules/media/media.storage.js';

export interface S3Double {
  options: S3Options;
  /** Objects by key (without the bucket). */
  objects: Map<string, { body: Buffer; contentType: string; cacheControl: string | null }>;
  /** `METHOD /bucket/key` of every request that verified. */
  calls: string[];
  /** Requests refused for a missing or bad signature. */
  refused: string[];
  close(): Promise<void>;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startS3Double(
  bucket = 'media-test',
  credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'double-secret' },
  region = 'eu-test-1',
): Promise<S3Double> {
  const objects: S3Double['objects'] = new Map();
  const calls: string[] = [];
  const refused: string[] = [];

  async function verify(request: IncomingMessage, body: Buffer): Promise<boolean> {
    const authorization = request.headers.authorization ?? '';
    const match = AUTHORIZATION.exec(authorization);
    if (!match || match[1] !== credentials.accessKeyId || match[3] !== region) return false;
    const datetime = String(request.headers['x-amz-date'] ?? '');
    if (!datetime.startsWith(match[2]!)) return false;
    const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    if (
      payloadHash !== 'UNSIGNED-PAYLOAD' &&
      payloadHash !== createHash('sha256').update(body).digest('hex')
    )
      return false;
    // Sign the same request again with the secret: the signatures must agree.
    const headers: Record<string, string> = {};
    for (const name of match[4]!.split(';'))
      if (name !== 'host') headers[name] = String(request.headers[name] ?? '');
    const signer = new AwsV4Signer({
      method: request.method ?? 'GET',
      url: `http://${request.headers.host}${request.url}`,
      headers,
      ...credentials,
      region,
      service: 's3',
      datetime,
    });
    const expected = (await signer.sign()).headers.get('authorization');
    return expected === authorization;
  }

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const line = `${request.method} ${request.url}`;
      if (!(await verify(request, body))) {
        refused.push(line);
        response.writeHead(403, { 'content-type': 'application/xml' });
        response.end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      calls.push(line);
      const prefix = `/${bucket}/`;
      const url = new URL(request.url ?? '/', 'http://double');
      if (!url.pathname.startsWith(prefix)) {
        response.writeHead(404).end('<Error><Code>NoSuchBucket</Code></Error>');
        return;
      }
      const key = decodeURIComponent(url.pathname.slice(prefix.length));
      if (request.method === 'PUT') {
        objects.set(key, {
          body,
          contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'),
          cacheControl: request.headers['cache-control'] ?? null,
        });
        response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        response.end();
      } else if (request.method === 'GET') {
        const object = objects.get(key);
        if (!object) {
          response.writeHead(404, { 'content-type': 'application/xml' });
          response.end('<Error><Code>NoSuchKey</Code></Error>');
          return;
        }
        response.writeHead(200, {
          'content-type': object.contentType,
          'content-length': object.body.length,
          etag: `"${createHash('md5').update(object.body).digest('hex')}"`,
        });
        response.end(object.body);
      } else if (request.method === 'DELETE') {
        objects.delete(key);
        response.writeHead(204).end();
      } else {
        response.writeHead(405).end();
      }
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    options: {
      bucket,
      endpoint: `http://127.0.0.1:${port}`,
      region,
      ...credentials,
      forcePathStyle: true,
    },
    objects,
    calls,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A real S3-compatible service for the storage contract test, from
 * S3_CONTRACT_BUCKET, S3_CONTRACT_ENDPOINT, S3_CONTRACT_REGION,
 * S3_CONTRACT_ACCESS_KEY_ID, S3_CONTRACT_SECRET_ACCESS_KEY and
 * S3_CONTRACT_FORCE_PATH_STYLE; null when the bucket is not set.
 */
export function s3ContractOptions(): S3Options | null {
  const env = process.env;
  if (!env.S3_CONTRACT_BUCKET) return null;
  const region = env.S3_CONTRACT_REGION ?? 'us-east-1';
  return {
    bucket: env.S3_CONTRACT_BUCKET,
    endpoint: env.S3_CONTRACT_ENDPOINT ?? `https://s3.${region}.amazonaws.com`,
    region,
    accessKeyId: env.S3_CONTRACT_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_CONTRACT_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: ['1', 'true'].includes(env.S3_CONTRACT_FORCE_PATH_STYLE ?? ''),
  };
}
