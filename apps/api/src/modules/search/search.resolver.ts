import { Permission } from '@bazaar/schema';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Allow, Public } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { Category } from '../catalog/catalog.types.js';
import * as searchService from './search.service.js';
import {
  SEARCH_LIMITS,
  SearchArgs,
  SearchReindexPayload,
  SearchResult,
  SearchSuggestion,
} from './search.types.js';

/** Whether the query selects `field` directly under the current one (fragments included). */
function selects(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === field;
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchResult, { description: 'Public.' })
  @Public()
  search(
    @Args(() => SearchArgs) { input, first, after }: SearchArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return searchService.search(ctx, input, { first, after }, { facets: selects(info, 'facets') });
  }

  @Query(() => [SearchSuggestion], {
    description: 'Public: autocomplete for a prefix, at most `first` (10).',
  })
  @Public()
  searchSuggestions(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { defaultValue: 8 }) first: number,
    @Ctx() ctx: Context,
  ) {
    return searchService.suggestions(ctx, query, clamp(first, 0, SEARCH_LIMITS.suggestions));
  }

  @Mutation(() => SearchReindexPayload, {
    description: 'search:manage: re-indexes every product in the background.',
  })
  @Allow(Permission.SEARCH_MANAGE)
  searchReindex(@Ctx() ctx: Context) {
    return searchService.reindex(ctx);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

@Resolver(() => Category)
export class CategoryProductCountResolver {
  @FieldResolver(() => Int, {
    description: 'Published products in this category and below (from the search index).',
  })
  productCount(@Root() category: Category, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.search.productCountByCategory.load(category.id);
  }
}
