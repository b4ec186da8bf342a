// Rules shared by the catalog services: who may read or edit a product,
// localized input text, unique-violation detection and the change event.
import type { Prisma, Product as ProductRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can, type Session } from '../../common/auth/session.js';
import { publishEvents } from '../../common/events/outbox.js';
import {
  type LocalizedText,
  type TranslationInput,
  toLocalizedText,
} from '../../common/i18n/locale.js';

/** Editing a product: products:manage for its owner seller, or categories:manage platform-wide. */
export function canManageProduct(session: Session, product: Pick<ProductRow, 'ownerSellerId'>) {
  return (
    can(session, Permission.PRODUCTS_MANAGE, product.ownerSellerId) ||
    session.permissions.has(Permission.CATEGORIES_MANAGE)
  );
}

/** Seeing a draft: products:read (or manage) for its owner seller, or categories:manage platform-wide. */
export function canReadProduct(session: Session, product: Pick<ProductRow, 'ownerSellerId'>) {
  return (
    can(session, Permission.PRODUCTS_READ, product.ownerSellerId) ||
    canManageProduct(session, product)
  );
}

/**
 * A unique violation (Prisma P2002), optionally on `column`: recognised by the
 * constraint the driver adapter names ("variants_sku_key") or the fields Prisma
 * lists. The message is not searched (it quotes the calling source code).
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const { code, meta } = (error ?? {}) as { code?: string; meta?: unknown };
  if (code !== 'P2002') return false;
  if (!column) return true;
  const details = JSON.stringify(meta ?? {});
  return details.includes(`_${column}_key`) || details.includes(`"${column}"`);
}

/** Where a check reports problems: any PayloadErrors whose codes include `Code`. */
export interface ErrorSink<Code extends string> {
  add(code: Code, message: string, field?: string | null): unknown;
  readonly list: readonly unknown[];
  readonly any: boolean;
}

/**
 * Localized input text into the stored shape, adding LOCALE_DUPLICATE,
 * TEXT_TOO_LONG or `requiredCode` (no English text) to `errors` at `field`.
 */
export function localizedInput<Code extends string>(
  errors: ErrorSink<Code | 'LOCALE_DUPLICATE' | 'TEXT_TOO_LONG'>,
  inputs: readonly TranslationInput[] | null | undefined,
  field: string,
  { maxLength, requiredCode }: { maxLength: number; requiredCode?: Code },
): LocalizedText | null {
  const result = toLocalizedText(inputs, { maxLength, requireDefault: Boolean(requiredCode) });
  if ('text' in result) return result.text;
  switch (result.problem) {
    case 'LOCALE_DUPLICATE':
      errors.add('LOCALE_DUPLICATE', 'Give each language once.', field);
      break;
    case 'TEXT_TOO_LONG':
      errors.add('TEXT_TOO_LONG', `At most ${maxLength} characters.`, field);
      break;
    case 'DEFAULT_MISSING':
      errors.add(requiredCode!, 'Fill this in, in English at least.', field);
      break;
  }
  return null;
}

/**
 * Marks products changed: bumps updatedAt and records `product.changed` in
 * the caller's transaction (the search index consumes it).
 */
export async function productsChanged(
  tx: Prisma.TransactionClient,
  productIds: readonly string[],
  { touch = true }: { touch?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  if (touch)
    await tx.product.updateMany({ where: { id: { in: ids } }, data: { updatedAt: new Date() } });
  await publishEvents(
    tx,
    'product.changed',
    ids.map((productId) => ({ productId })),
  );
}
