import { randomFillSync } from 'node:crypto';

// Random bytes drawn in blocks: an import makes tens of thousands of ids.
const pool = Buffer.alloc(16 * 1024);
let offset = pool.length;

/**
 * A UUID version 7 (time-ordered, like Prisma's uuid(7) defaults), for rows
 * inserted in bulk (imports) or whose ids are needed before the insert (checkout).
 */
export function uuidv7(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
