// Which products a cached answer depends on, so that a change to one product
// drops only the answers that show it. Only answers whose every root field is
// `product(...)` are narrowed to their products: a list, search, category or
// seller answer also changes when a product enters or leaves it (published,
// unpublished, a new price or stock moving it in or out of a filter), so it
// depends on every product's listing (its search document).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type GraphQLResolveInfo, getNamedType, getNullableType, isListType } from 'graphql';
import { UUID } from '../ids/uuid.js';

/** The products a stored answer shows, or null when it depends on every product's listing. */
export type ProductDependency = ReadonlySet<string> | null;

/** Fields inside a product answer whose value depends on which other products exist. */
const PRODUCT_SET_FIELDS = new Set(['Category.productCount']);

/** Follows the resolution of one answer made of `product(...)` root fields. */
export class ProductCollector {
  /** Ids the root `product` fields resolved to. */
  private readonly asked = new Set<string>();
  /** Ids of every Product object whose fields were resolved. */
  private readonly shown = new Set<string>();
  private dependsOnAll = false;

  willResolveField(
    source: unknown,
    info: GraphQLResolveInfo,
  ): ((error: unknown, result: unknown) => void) | void {
    if (info.parentType.name === 'Product') {
      this.shown.add((source as { id: string }).id);
      return;
    }
    if (info.path.prev === undefined) {
      return (_error, result) => {
        const id = (result as { id?: unknown } | null | undefined)?.id;
        // Not found (or unpublished) today may be published tomorrow by any product change.
        if (typeof id === 'string') this.asked.add(id);
        else this.dependsOnAll = true;
      };
    }
    const type = getNullableType(info.returnType);
    const named = getNamedType(type).name;
    if (
      named === 'ProductConnection' ||
      (named === 'Product' && isListType(type)) ||
      PRODUCT_SET_FIELDS.has(`${info.parentType.name}.${info.fieldName}`)
    )
      this.dependsOnAll = true;
  }

  /** What the finished answer depends on. */
  dependency(): ProductDependency {
    if (this.dependsOnAll || this.asked.size === 0) return null;
    for (const id of this.shown) if (!this.asked.has(id)) return null;
    return this.asked;
  }
}

// A symbol property, because Apollo Server hands resolvers and plugins a shallow copy of the context.
const COLLECTOR = Symbol('responseCacheProductCollector');

/** The context, carrying the collector that follows its request. */
export function withCollector<T extends object>(context: T, collector: ProductCollector): T {
  return Object.assign(context, { [COLLECTOR]: collector });
}

/** Hands each followed request's resolved fields to its collector. */
export function productCollectingPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ contextValue }) {
      const collector = (contextValue as { [COLLECTOR]?: ProductCollector })[COLLECTOR];
      if (!collector) return;
      return {
        async executionDidStart() {
          return {
            willResolveField: ({ source, info }) => collector.willResolveField(source, info),
          };
        },
      };
    },
  };
}

/**
 * Products whose cached answers are out of date. `listings`: those whose
 * listing changed too (entered or left the index, or their search document
 * differs), which outdates every answer depending on every product.
 */
export interface CatalogChange {
  products: readonly string[];
  listings: readonly string[];
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_999;

/**
 * The NOTIFY payload of a change: '' (every answer) for null or when the ids
 * do not fit; the ids whose listing changed, then `|` and the others when
 * there are some. Bare ids (no `|`) are products whose listing changed; a
 * process reading no `|` (an older one) empties its cache on this format.
 */
export function changedProductsPayload(change: CatalogChange | null): string {
  if (change === null) return '';
  const listed = new Set(change.listings);
  const pagesOnly = change.products.filter((id) => !listed.has(id));
  const listings = [...listed].join(',');
  const payload = pagesOnly.length ? `${listings}|${pagesOnly.join(',')}` : listings;
  return Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES ? payload : '';
}

/** The change a NOTIFY payload names; null (every answer) for '' or anything unexpected. */
export function changedProductsOf(payload: string | undefined): CatalogChange | null {
  if (!payload) return null;
  const parts = payload.split('|');
  if (parts.length > 2) return null;
  const [listings, pagesOnly] = parts.map((part) =>
    part === '' ? [] : part.split(',').map((id) => id.toLowerCase()),
  );
  const products = [...listings!, ...(pagesOnly ?? [])];
  if (products.length === 0 || !products.every((id) => UUID.test(id))) return null;
  return { products, listings: listings! };
}
