import {
  ArrayMaxSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { ConnectionArgs, PageInfo } from '../../common/pagination/connection.js';
import { UUID } from '../../common/ids/uuid.js';
import { Category, Product, ProductEdge } from '../catalog/catalog.types.js';
import { Seller } from '../sellers/sellers.types.js';
import { SearchSort } from './search.engine.js';
import { SearchReindexErrorCode } from './search.errors.js';

export { SearchSort };
registerEnumType(SearchSort, { name: 'SearchSort' });

/** Caps on one search's input. */
export const SEARCH_LIMITS = {
  queryLength: 200,
  listSize: 50,
  attributes: 20,
  valueLength: 500,
  /** searchSuggestions returns at most this many. */
  suggestions: 10,
} as const;

@InputType()
export class AttributeFilterInput {
  @Field(() => String)
  @MaxLength(40)
  key!: string;

  @Field(() => [String], {
    description: 'Any of these values (OR); filters on different keys combine with AND.',
  })
  @ArrayMaxSize(SEARCH_LIMITS.listSize)
  @MaxLength(SEARCH_LIMITS.valueLength, { each: true })
  values!: string[];
}

@InputType()
export class SearchInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(SEARCH_LIMITS.queryLength)
  query?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  categorySlug?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SEARCH_LIMITS.listSize)
  @MaxLength(100, { each: true })
  brands?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SEARCH_LIMITS.listSize)
  @Matches(UUID, {
    each: true,
    message: 'Unknown seller id.',
  })
  sellerIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Minor units, inclusive.' })
  @IsOptional()
  @Min(0)
  priceMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  priceMax?: number | null;

  @Field(() => Int, { nullable: true, description: '1-5.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  ratingMin?: number | null;

  @Field(() => [AttributeFilterInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SEARCH_LIMITS.attributes)
  @ValidateNested({ each: true })
  attributes?: AttributeFilterInput[] | null;

  @Field(() => Boolean, { defaultValue: false })
  inStockOnly: boolean = false;

  @Field(() => SearchSort, { defaultValue: SearchSort.RELEVANCE })
  sort: SearchSort = SearchSort.RELEVANCE;
}

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field(() => SearchInput)
  @ValidateNested()
  input!: SearchInput;
}

@ObjectType()
export class FacetValue {
  @Field(() => String)
  value!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean)
  selected!: boolean;
}

@ObjectType()
export class CategoryFacet {
  @Field(() => Category)
  category!: Category;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean)
  selected!: boolean;
}

@ObjectType()
export class SellerFacet {
  @Field(() => Seller)
  seller!: Seller;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean)
  selected!: boolean;
}

@ObjectType()
export class PriceRangeFacet {
  @Field(() => Int, { nullable: true, description: 'Minor units, inclusive; null for open-ended.' })
  min!: number | null;

  @Field(() => Int, { nullable: true })
  max!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class RatingFacet {
  @Field(() => Int, { description: 'Products rated at least this (1-4).' })
  min!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class AttributeFacet {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType()
export class SearchFacets {
  @Field(() => [CategoryFacet], {
    description: 'Children of the filtered category (top level when none).',
  })
  categories!: CategoryFacet[];

  @Field(() => [FacetValue])
  brands!: FacetValue[];

  @Field(() => [SellerFacet])
  sellers!: SellerFacet[];

  @Field(() => [PriceRangeFacet])
  priceRanges!: PriceRangeFacet[];

  @Field(() => [RatingFacet])
  ratings!: RatingFacet[];

  @Field(() => [AttributeFacet])
  attributes!: AttributeFacet[];
}

@ObjectType()
export class SearchResult {
  @Field(() => [ProductEdge])
  edges!: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Exact up to 10,000, then 10,000.' })
  totalCount!: number;

  @Field(() => SearchFacets)
  facets!: SearchFacets;

  @Field(() => String, {
    nullable: true,
    description: 'A corrected query when the given one matches little or nothing.',
  })
  didYouMean!: string | null;

  @Field(() => String, { description: 'Which engine answered: "postgres" or "meilisearch".' })
  engine!: string;
}

@ObjectType()
export class SearchSuggestion {
  @Field(() => String, { description: 'The completed text to search for.' })
  text!: string;

  @Field(() => Product, { nullable: true, description: 'Set when the suggestion is one product.' })
  product!: Product | null;
}

export const SearchReindexPayload = MutationPayload(
  'SearchReindex',
  'queued',
  Int,
  SearchReindexErrorCode,
);
export type SearchReindexPayload = InstanceType<typeof SearchReindexPayload>;
