import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, buildApiSchema, printApiSchema } from './schema.js';

describe('the committed schema', () => {
  it('is what the code emits (run `pnpm schema:emit` after changing the API)', async () => {
    expect(printApiSchema(await buildApiSchema())).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
