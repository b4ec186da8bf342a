import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../test/database.js';
import { withDatabase } from './embedded-postgres.js';
import { ensureDatabase } from './local-database.js';
import {
  diffShapes,
  loadDmmf,
  schemaDrift,
  shapeOfDatabase,
  shapeOfSchema,
} from './schema-drift.js';

const SCHEMA = fileURLToPath(new URL('../schema.prisma', import.meta.url));

describe('schema drift', () => {
  it('finds none between schema.prisma and the migrated database', async () => {
    const drift = await schemaDrift(
      SCHEMA,
      withDatabase(testServer.serverUrl, testServer.template),
    );
    expect(drift).toEqual([]);
  });

  describe('on a database changed behind the schema', () => {
    const name = `${testServer.template}_drifted`;
    const url = withDatabase(testServer.serverUrl, name);

    beforeAll(async () => {
      await ensureDatabase(testServer.serverUrl, name, testServer.template);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`
        ALTER TABLE users ALTER COLUMN name DROP NOT NULL;
        ALTER TABLE users ALTER COLUMN email TYPE text;
        ALTER TABLE users ALTER COLUMN created_at DROP DEFAULT;
        DROP INDEX users_created_at_idx;
        ALTER TABLE settings ADD COLUMN owner_id uuid REFERENCES users(id);
        CREATE INDEX settings_value_idx ON settings(updated_at);
        CREATE TABLE stray (id int PRIMARY KEY);
        CREATE TYPE mood AS ENUM ('happy');
      `);
      await client.end();
    });

    afterAll(async () => {
      const client = new pg.Client({ connectionString: testServer.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    });

    it('names every difference', async () => {
      const drift = await schemaDrift(SCHEMA, url);
      expect(drift.sort()).toEqual(
        [
          'column users.name: nullable in the database, NOT NULL in schema.prisma',
          'column users.email: type text in the database, citext in schema.prisma',
          'column users.created_at: default null in the database, CURRENT_TIMESTAMP in schema.prisma',
          'index normal users(created_at) is missing in the database',
          'column settings.owner_id is not in schema.prisma',
          'index normal settings(updated_at) is not in schema.prisma',
          'foreign key settings(owner_id) -> users(id) on delete noaction on update noaction is not in schema.prisma',
          'table stray is not in schema.prisma',
          'index id stray(id) is not in schema.prisma',
          'enum mood is not in schema.prisma',
        ].sort(),
      );
    });
  });

  it('reads relations, enums, lists and literal defaults from schema.prisma', async () => {
    const dmmf = loadDmmf(
      fileURLToPath(new URL('../test/fixtures/relations.prisma', import.meta.url)),
    );
    const schema = shapeOfSchema(dmmf);
    expect(schema.columns.get('orders.status')).toEqual({
      type: 'OrderStatus',
      nullable: false,
      default: 'PLACED',
    });
    expect(schema.columns.get('orders.tags')).toEqual({
      type: 'text[]',
      nullable: true,
      default: null,
    });
    expect(schema.columns.get('orders.total')).toEqual({
      type: 'integer',
      nullable: false,
      default: '0',
    });
    expect(schema.columns.get('orders.id')).toEqual({
      type: 'integer',
      nullable: false,
      default: 'nextval(…)',
    });
    expect([...schema.foreignKeys]).toEqual([
      'orders(buyer_id) -> buyers(id) on delete cascade on update cascade',
    ]);
    expect(schema.indexes).toContain('unique orders(buyer_id, number)');
    expect(schema.enums.get('OrderStatus')).toEqual(['PLACED', 'PAID']);

    const empty = await shapeOfDatabase(withDatabase(testServer.serverUrl, testServer.template));
    expect(diffShapes(schema, empty)).toContain('table buyers is missing in the database');
  });
});
