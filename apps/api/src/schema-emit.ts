// `pnpm schema:emit`: writes packages/schema/schema.graphql from the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, buildApiSchema, printApiSchema } from './schema.js';

writeFileSync(SCHEMA_FILE, printApiSchema(await buildApiSchema()));
console.log(`Wrote ${fileURLToPath(SCHEMA_FILE)}`);
