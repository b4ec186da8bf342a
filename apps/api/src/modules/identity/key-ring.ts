// The keys that sign access tokens. One key signs at a time (a partial unique
// index enforces it); after a rotation the old key keeps verifying until the
// last token it signed has expired, then retires. Private keys are stored
// encrypted with the master key; every replica caches the ring briefly and
// reloads it when it meets an unknown `kid`.
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient, SigningKey } from '@bazaar/db';
import { type CryptoKey, type JWK, exportJWK, generateKeyPair, importJWK } from 'jose';
import { decrypt, encrypt } from './secrets.js';

export const ALGORITHM = 'EdDSA';
/** How long a replica may keep signing with a key another replica rotated out. */
const CACHE_MS = 60_000;

interface LoadedKey {
  row: SigningKey;
  publicKey: CryptoKey | Uint8Array;
  privateKey?: CryptoKey | Uint8Array;
}

export class KeyRing {
  private keys = new Map<string, LoadedKey>();
  private currentKid: string | null = null;
  private loadedAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly masterKey: Buffer,
    private readonly tokenTtlSeconds: number,
  ) {}

  /** When a key rotated out at `rotatedAt` stops verifying. */
  retiresAt(rotatedAt: Date): Date {
    return new Date(rotatedAt.getTime() + this.tokenTtlSeconds * 1000 + CACHE_MS);
  }

  async signingKey(): Promise<{ kid: string; privateKey: CryptoKey | Uint8Array }> {
    if (!this.currentKid || Date.now() - this.loadedAt > CACHE_MS) await this.load();
    if (!this.currentKid) {
      await this.createKey();
      await this.load();
    }
    const key = this.keys.get(this.currentKid!)!;
    key.privateKey ??= await importJWK(
      JSON.parse(decrypt(key.row.privateKeyEncrypted, this.masterKey)) as JWK,
      ALGORITHM,
    );
    return { kid: key.row.id, privateKey: key.privateKey };
  }

  /** The public key for `kid`, or null when unknown or retired. */
  async verificationKey(kid: string): Promise<CryptoKey | Uint8Array | null> {
    if (!this.keys.has(kid) || Date.now() - this.loadedAt > CACHE_MS) await this.load();
    const key = this.keys.get(kid);
    if (!key) return null;
    if (key.row.rotatedAt && this.retiresAt(key.row.rotatedAt) <= new Date()) return null;
    return key.publicKey;
  }

  /** Public keys that still verify, for /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.load();
    const now = new Date();
    const live = [...this.keys.values()].filter(
      (key) => !key.row.rotatedAt || this.retiresAt(key.row.rotatedAt) > now,
    );
    return {
      keys: live.map((key) => ({
        ...(key.row.publicJwk as JWK),
        kid: key.row.id,
        alg: ALGORITHM,
        use: 'sig',
      })),
    };
  }

  /** Keys that still verify, newest first. */
  async liveKeys(): Promise<SigningKey[]> {
    await this.load();
    const now = new Date();
    return [...this.keys.values()]
      .map((key) => key.row)
      .filter((row) => !row.rotatedAt || this.retiresAt(row.rotatedAt) > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Retires the current key from signing and makes a new one current; `also` runs in the same transaction. */
  async rotate(
    also?: (tx: Prisma.TransactionClient, created: SigningKey) => Promise<void>,
  ): Promise<SigningKey> {
    const data = await this.newKeyData();
    const created = await this.prisma.$transaction(async (tx) => {
      await tx.signingKey.updateMany({
        where: { rotatedAt: null },
        data: { rotatedAt: new Date() },
      });
      const key = await tx.signingKey.create({ data });
      await also?.(tx, key);
      return key;
    });
    await this.load();
    return created;
  }

  private async createKey(): Promise<void> {
    try {
      await this.prisma.signingKey.create({ data: await this.newKeyData() });
    } catch {
      // Another replica created the first key at the same moment; load() finds it.
    }
  }

  private async newKeyData() {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, {
      crv: 'Ed25519',
      extractable: true,
    });
    return {
      id: randomBytes(9).toString('base64url'),
      algorithm: ALGORITHM,
      publicJwk: (await exportJWK(publicKey)) as object,
      privateKeyEncrypted: encrypt(JSON.stringify(await exportJWK(privateKey)), this.masterKey),
    };
  }

  private async load(): Promise<void> {
    const rows = await this.prisma.signingKey.findMany();
    const next = new Map<string, LoadedKey>();
    for (const row of rows) {
      const known = this.keys.get(row.id);
      next.set(row.id, {
        row,
        publicKey: known?.publicKey ?? (await importJWK(row.publicJwk as JWK, ALGORITHM)),
        ...(known?.privateKey ? { privateKey: known.privateKey } : {}),
      });
    }
    this.keys = next;
    this.currentKid = rows.find((row) => !row.rotatedAt)?.id ?? null;
    this.loadedAt = Date.now();
  }
}
