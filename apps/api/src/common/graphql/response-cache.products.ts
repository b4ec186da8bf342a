// Which products a cached answer depends on, so that a change to one product
// drops only the answers that show it. Only answers whose every root field is
// `product(...)` are narrowed to their products: a list, search, category or
// seller answer also changes when a product enters or leaves it (published,
// unpublished, a new price or stock moving it in or out of a filter), so it
// depends on every product.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type GraphQLResolveInfo, getNamedType, getNullableType, isListType } from 'graphql';
import { UUID } from '../ids/uuid.js';

/** The products a stored answer shows, or null when it depends on every product. */
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

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_999;

/** The NOTIFY payload naming changed products; '' (every product) when they do not fit. */
export function changedProductsPayload(productIds: readonly string[] | null): string {
  if (productIds === null) return '';
  const payload = productIds.join(',');
  return Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES ? payload : '';
}

/** The products a NOTIFY payload names; null (every product) for '' or anything unexpected. */
export function changedProductsOf(payload: string | undefined): string[] | null {
  if (!payload) return null;
  const ids = payload.split(',');
  return ids.every((id) => UUID.test(id)) ? ids.map((id) => id.toLowerCase()) : null;
}
