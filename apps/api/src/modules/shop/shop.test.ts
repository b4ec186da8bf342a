import { beforeEach, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { DEFAULT_SHOP } from './shop.service.js';

describe('shop', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.setting.deleteMany();
    sqlLog.length = 0;
  });

  it('shows the stored name, currency and language', async () => {
    await db.prisma.setting.create({
      data: {
        key: 'shop',
        value: { name: 'Night Market', currency: 'EUR', defaultLocale: 'zh-CN' },
      },
    });
    const result = await api.graphql('{ shop { name currency defaultLocale } }');
    expect(result.data).toEqual({
      shop: { name: 'Night Market', currency: 'EUR', defaultLocale: 'zh-CN' },
    });
  });

  it('falls back to defaults on a new installation', async () => {
    expect((await api.graphql('{ shop { name currency defaultLocale } }')).data).toEqual({
      shop: DEFAULT_SHOP,
    });
  });

  it('tells the storefront card payments are off without Stripe keys', async () => {
    expect((await api.graphql('{ shop { stripePublishableKey } }')).data).toEqual({
      shop: { stripePublishableKey: null },
    });
  });

  it('falls back to defaults when the stored value is malformed', async () => {
    await db.prisma.setting.create({
      data: { key: 'shop', value: { name: '', currency: 'euros' } },
    });
    expect((await api.graphql('{ shop { name } }')).data).toEqual({
      shop: { name: DEFAULT_SHOP.name },
    });
  });

  it('reads the setting once per request however often it is asked, and again on the next request', async () => {
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: shop { name }`).join(' ')} }`;
    await api.graphql(query);
    expect(sqlLog.filter((sql) => sql.includes('"settings"'))).toHaveLength(1);
    await api.graphql(query);
    expect(sqlLog.filter((sql) => sql.includes('"settings"'))).toHaveLength(2);
  });
});
