import { z } from 'zod';
import type { Context } from '../../context.js';
import type { Shop } from './shop.types.js';

const SHOP_KEY = 'shop';

const shopSetting = z.object({
  name: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  defaultLocale: z.string().min(2),
});

type ShopSettings = z.infer<typeof shopSetting>;

/** What a new installation shows until an admin names the shop. */
export const DEFAULT_SHOP: ShopSettings = { name: 'Bazaar', currency: 'USD', defaultLocale: 'en' };

async function shopSettings(ctx: Context): Promise<ShopSettings> {
  const value = await ctx.loaders.shop.settingByKey.load(SHOP_KEY);
  if (value === undefined) return DEFAULT_SHOP;
  const parsed = shopSetting.safeParse(value);
  if (parsed.success) return parsed.data;
  ctx.log.warn({ issues: parsed.error.issues }, 'shop setting is malformed; showing defaults');
  return DEFAULT_SHOP;
}

export async function getShop(ctx: Context): Promise<Shop> {
  return {
    ...(await shopSettings(ctx)),
    stripePublishableKey: ctx.services.env.STRIPE_PUBLISHABLE_KEY ?? null,
  };
}
