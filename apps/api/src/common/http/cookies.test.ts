// Every cookie the API sets or clears, over a shopper's whole session, carries
// the same hardening (cookies.ts); cart.test.ts and session.test.ts check each
// cookie where it is first set.
import { describe, expect, it } from 'vitest';
import { LOGIN, PASSWORD, createSeller, createUser } from '../../../test/accounts.js';
import { db, startApi } from '../../../test/api.js';
import { createOffer, createProductWithVariant } from '../../../test/catalog.js';

const ADD = `mutation($lines: [CartLineAddInput!]!) { cartLinesAdd(lines: $lines) { errors { code } } }`;
const REFRESH = 'mutation { sessionRefresh { errors { code } } }';
const LOGOUT = 'mutation { sessionRevoke { errors { code } } }';

describe('cookies', async () => {
  const api = await startApi();

  it('are HttpOnly, Secure, SameSite=Lax and scoped to /graphql whenever set or cleared', async () => {
    const { seller } = await createSeller('cookie-shop');
    const { variant } = await createProductWithVariant();
    const offer = await createOffer(variant.id, seller.id);
    const location = await db.prisma.stockLocation.create({
      data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main' },
    });
    await db.prisma.stockLevel.create({
      data: { offerId: offer.id, locationId: location.id, onHand: 5 },
    });
    await createUser('cookies@example.com');

    const lines: string[] = [];
    const browser = api.client();
    const call = async (query: string, variables?: Record<string, unknown>) => {
      const result = await browser.graphql(query, variables);
      lines.push(...([] as string[]).concat((result.headers['set-cookie'] as string[]) ?? []));
      return result;
    };
    await call(ADD, { lines: [{ offerId: offer.id, quantity: 1 }] });
    // Signing in merges the guest cart (clearing its cookie) and sets the refresh cookie.
    await call(LOGIN, { email: 'cookies@example.com', password: PASSWORD });
    await call(REFRESH);
    await call(LOGOUT);

    const named = (name: string) => lines.filter((line) => line.startsWith(`${name}=`));
    expect(named('bazaar_cart').length).toBeGreaterThanOrEqual(2);
    expect(named('bazaar_refresh').length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => /^bazaar_cart=;/.test(line))).toBe(true);
    expect(lines.some((line) => /^bazaar_refresh=;/.test(line))).toBe(true);
    for (const line of lines) {
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).toMatch(/; Path=\/graphql/);
    }
  });
});
