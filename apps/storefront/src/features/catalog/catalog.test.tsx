import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  CatalogSearchDocument,
  CatalogSearchMoreDocument,
  CategoryPageDocument,
  type CatalogSearchQuery,
  type CatalogSearchQueryVariables,
  type CategoryPageQuery,
  type SearchInput,
} from '../../generated/catalog';
import type { ProductCardProductFragment } from '../../generated/graphql';
import { connectionOf, productCard } from '../../test/catalog';
import { shellMocks } from '../../test/mocks';
import { renderApp } from '../../test/render';

type Mock = MockLink.MockedResponse;
type Facets = CatalogSearchQuery['search']['facets'];

const SHIRTS: NonNullable<CategoryPageQuery['category']> = {
  __typename: 'Category',
  id: 'cat-shirts',
  slug: 'shirts',
  name: 'Shirts',
  description: 'Shirts for every season.',
  ancestors: [{ __typename: 'Category', id: 'cat-clothing', slug: 'clothing', name: 'Clothing' }],
  children: [
    {
      __typename: 'Category',
      id: 'cat-linen',
      slug: 'linen-shirts',
      name: 'Linen shirts',
      productCount: 4,
    },
  ],
};

function categoryMock(slug: string, category: CategoryPageQuery['category']): Mock {
  const data: CategoryPageQuery = { category };
  return { request: { query: CategoryPageDocument, variables: { slug } }, result: { data } };
}

const ACME_SHIRT = productCard('p1', 'Acme linen shirt', { price: 2500, compareAt: 3000 });
const ACME_TEE = productCard('p2', 'Acme tee', { price: 1500 });
const ZED_SHIRT = productCard('p3', 'Zed oxford shirt', { brand: 'Zed', price: 4500 });

function facets(input: SearchInput): Facets {
  const brands = input.brands ?? [];
  return {
    __typename: 'SearchFacets',
    categories: [
      {
        __typename: 'CategoryFacet',
        category: {
          __typename: 'Category',
          id: 'cat-linen',
          slug: 'linen-shirts',
          name: 'Linen shirts',
        },
        count: 4,
        selected: false,
      },
    ],
    brands: [
      { __typename: 'FacetValue', value: 'Acme', count: 2, selected: brands.includes('Acme') },
      { __typename: 'FacetValue', value: 'Zed', count: 1, selected: brands.includes('Zed') },
    ],
    sellers: [
      {
        __typename: 'SellerFacet',
        seller: {
          __typename: 'Seller',
          id: 'seller-1',
          slug: 'cobol-corner',
          name: 'Cobol Corner',
        },
        count: 3,
        selected: false,
      },
    ],
    priceRanges: [
      { __typename: 'PriceRangeFacet', min: null, max: 2000, count: 1 },
      { __typename: 'PriceRangeFacet', min: 2000, max: null, count: 2 },
    ],
    ratings: [{ __typename: 'RatingFacet', min: 4, count: 3 }],
    attributes: [
      {
        __typename: 'AttributeFacet',
        key: 'colour',
        name: 'Colour',
        values: [
          { __typename: 'FacetValue', value: 'Blue', count: 2, selected: false },
          { __typename: 'FacetValue', value: 'Red', count: 1, selected: false },
        ],
      },
      {
        __typename: 'AttributeFacet',
        key: 'organic',
        name: 'Organic',
        values: [{ __typename: 'FacetValue', value: 'true', count: 1, selected: false }],
      },
    ],
  };
}

function searchData(
  products: ProductCardProductFragment[],
  input: SearchInput,
  options: { total?: number; next?: string | null; didYouMean?: string | null } = {},
): CatalogSearchQuery {
  return {
    search: {
      __typename: 'SearchResult',
      totalCount: options.total ?? products.length,
      didYouMean: options.didYouMean ?? null,
      pageInfo: {
        __typename: 'PageInfo',
        hasNextPage: Boolean(options.next),
        endCursor: options.next ?? null,
      },
      edges: connectionOf(products),
      facets: facets(input),
    },
  };
}

/**
 * Answers every CatalogSearch like a small index would (brand filter, price sort) and
 * records the variables of each request.
 */
function recordingSearchMock(calls: CatalogSearchQueryVariables[]): Mock {
  return {
    request: { query: CatalogSearchDocument, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (variables: CatalogSearchQueryVariables) => {
      calls.push(variables);
      const { input } = variables;
      let products = [ACME_SHIRT, ACME_TEE, ZED_SHIRT].filter(
        (product) => !input.brands?.length || input.brands.includes(product.brand ?? ''),
      );
      if (input.sort === 'PRICE_ASC') {
        products = [...products].sort(
          (a, b) => (a.buyBox?.price.amount ?? 0) - (b.buyBox?.price.amount ?? 0),
        );
      }
      return { data: searchData(products, input) };
    },
  };
}

function titles(): string[] {
  const list = screen.getByRole('list', { name: 'Products' });
  return within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent ?? '');
}

describe('category page', () => {
  it('shows breadcrumbs, title, subcategories and every facet with its count', async () => {
    const calls: CatalogSearchQueryVariables[] = [];
    renderApp('/c/shirts', [
      ...shellMocks(),
      categoryMock('shirts', SHIRTS),
      recordingSearchMock(calls),
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Shirts' })).toBeTruthy();
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(
      within(breadcrumb)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Home', 'Clothing', 'Shirts']);
    expect(within(breadcrumb).getByRole('link', { name: 'Clothing' }).getAttribute('href')).toBe(
      '/c/clothing',
    );
    const subcategories = screen.getByRole('navigation', { name: 'Subcategories' });
    expect(
      within(subcategories).getByRole('link', { name: 'Linen shirts (4)' }).getAttribute('href'),
    ).toBe('/c/linen-shirts');

    // The products of this category only, relevance first.
    await screen.findByRole('checkbox', { name: 'Acme (2)' });
    expect(calls[0]).toEqual({
      input: { categorySlug: 'shirts', sort: 'RELEVANCE', inStockOnly: false },
      first: 24,
    });
    expect(screen.getByText('3 products')).toBeTruthy();
    expect(titles()).toEqual(['Acme linen shirt', 'Acme tee', 'Zed oxford shirt']);

    const brand = screen.getByRole('group', { name: 'Brand' });
    expect(
      within(brand)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Acme (2)', 'Zed (1)']);
    const price = screen.getByRole('group', { name: 'Price' });
    expect(within(price).getByRole('checkbox', { name: 'Up to $20 (1)' })).toBeTruthy();
    expect(within(price).getByRole('checkbox', { name: '$20 and above (2)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '4 stars & up (3)' })).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Seller' })).getByRole('checkbox', {
        name: 'Cobol Corner (3)',
      }),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Colour' })).getByRole('checkbox', {
        name: 'Blue (2)',
      }),
    ).toBeTruthy();
    // Boolean attributes read Yes/No.
    expect(
      within(screen.getByRole('group', { name: 'Organic' })).getByRole('checkbox', {
        name: 'Yes (1)',
      }),
    ).toBeTruthy();
    // The category facet leads to the subcategory, keeping the filters.
    const categories = screen.getByRole('navigation', { name: 'Categories' });
    expect(
      within(categories).getByRole('link', { name: 'Linen shirts (4)' }).getAttribute('href'),
    ).toBe('/c/linen-shirts');
  });

  it('puts facet and sort changes in the URL and the query, shows them as removable chips, and goes back', async () => {
    const calls: CatalogSearchQueryVariables[] = [];
    const { router } = renderApp('/c/shirts', [
      ...shellMocks(),
      categoryMock('shirts', SHIRTS),
      recordingSearchMock(calls),
    ]);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Zed (1)' }));

    expect(router.state.location.search).toBe('?brand=Zed');
    await waitFor(() => expect(titles()).toEqual(['Zed oxford shirt']));
    expect(calls.at(-1)?.input).toEqual({
      categorySlug: 'shirts',
      brands: ['Zed'],
      sort: 'RELEVANCE',
      inStockOnly: false,
    });
    expect((screen.getByRole('checkbox', { name: 'Zed (1)' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const chips = screen.getByRole('list', { name: 'Selected filters' });
    expect(within(chips).getByRole('button', { name: 'Remove filter Brand: Zed' })).toBeTruthy();

    // Price ranges and sort join the brand.
    fireEvent.click(screen.getByRole('checkbox', { name: '$20 and above (2)' }));
    await waitFor(() => expect(router.state.location.search).toBe('?brand=Zed&price=2000-'));
    await waitFor(() => expect(calls.at(-1)?.input.priceMin).toBe(2000));
    expect(calls.at(-1)?.input.priceMax).toBeUndefined();

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'PRICE_ASC' },
    });
    await waitFor(() =>
      expect(router.state.location.search).toBe('?brand=Zed&price=2000-&sort=price-asc'),
    );
    await waitFor(() => expect(calls.at(-1)?.input.sort).toBe('PRICE_ASC'));

    // A chip removes its filter only.
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Brand: Zed' }));
    await waitFor(() => expect(router.state.location.search).toBe('?price=2000-&sort=price-asc'));
    await waitFor(() =>
      expect(titles()).toEqual(['Acme tee', 'Acme linen shirt', 'Zed oxford shirt']),
    );

    // Back restores the previous filters, and the page follows.
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?brand=Zed&price=2000-&sort=price-asc');
    await waitFor(() => expect(titles()).toEqual(['Zed oxford shirt']));
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe(
      'PRICE_ASC',
    );
  });

  it('reads its filters from the URL when opened from a link', async () => {
    const calls: CatalogSearchQueryVariables[] = [];
    renderApp('/c/shirts?attr.colour=Blue&rating=4&instock=1&seller=seller-1&sort=newest', [
      ...shellMocks(),
      categoryMock('shirts', SHIRTS),
      recordingSearchMock(calls),
    ]);

    await screen.findByRole('checkbox', { name: 'Blue (2)' });
    expect(calls[0]?.input).toEqual({
      categorySlug: 'shirts',
      attributes: [{ key: 'colour', values: ['Blue'] }],
      ratingMin: 4,
      inStockOnly: true,
      sellerIds: ['seller-1'],
      sort: 'NEWEST',
    });
    expect((screen.getByRole('checkbox', { name: 'Blue (2)' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const chips = within(screen.getByRole('list', { name: 'Selected filters' }))
      .getAllByRole('button')
      .map((chip) => chip.getAttribute('aria-label'));
    expect(chips).toEqual([
      'Remove filter In stock only',
      'Remove filter Rating: 4 stars & up',
      'Remove filter Seller: Cobol Corner',
      'Remove filter Colour: Blue',
    ]);
    // The mobile toggle says how many filters are on.
    expect(screen.getByRole('button', { name: 'Filters (4)' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });

  it('loads the next page with "Load more", keeping the first', async () => {
    const input: SearchInput = { categorySlug: 'shirts', sort: 'RELEVANCE', inStockOnly: false };
    const more: Mock = {
      request: {
        query: CatalogSearchMoreDocument,
        variables: { input, first: 24, after: 'cursor-2' },
      },
      result: {
        data: {
          search: {
            __typename: 'SearchResult',
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'cursor-3' },
            edges: connectionOf([ZED_SHIRT]),
          },
        },
      },
    };
    renderApp('/c/shirts', [
      ...shellMocks(),
      categoryMock('shirts', SHIRTS),
      {
        request: { query: CatalogSearchDocument, variables: { input, first: 24 } },
        result: { data: searchData([ACME_SHIRT, ACME_TEE], input, { total: 3, next: 'cursor-2' }) },
      },
      more,
    ]);

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() =>
      expect(titles()).toEqual(['Acme linen shirt', 'Acme tee', 'Zed oxford shirt']),
    );
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('renders the facets on a phone only once "Filters" opens them', async () => {
    vi.stubGlobal('matchMedia', (media: string) => ({
      matches: false,
      media,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    try {
      renderApp('/c/shirts', [
        ...shellMocks(),
        categoryMock('shirts', SHIRTS),
        recordingSearchMock([]),
      ]);
      await screen.findByText('3 products');
      expect(screen.queryByRole('group', { name: 'Brand' })).toBeNull();

      fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
      const brand = screen.getByRole('group', { name: 'Brand' });
      expect(within(brand).getByRole('checkbox', { name: 'Acme (2)' })).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('loads the first row of product images at once, the first two before anything else', async () => {
    const input: SearchInput = { categorySlug: 'shirts', sort: 'RELEVANCE', inStockOnly: false };
    const products = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter, index) =>
      productCard(`p${index + 1}`, `Shirt ${letter}`),
    );
    renderApp('/c/shirts', [
      ...shellMocks(),
      categoryMock('shirts', SHIRTS),
      {
        request: { query: CatalogSearchDocument, variables: { input, first: 24 } },
        result: { data: searchData(products, input, { total: 6 }) },
      },
    ]);

    const grid = await screen.findByRole('list', { name: 'Products' });
    expect(
      [...grid.querySelectorAll('img')].map((image) => [
        image.getAttribute('loading'),
        image.getAttribute('fetchpriority'),
      ]),
    ).toEqual([
      ['eager', 'high'],
      ['eager', 'high'],
      ['eager', 'auto'],
      ['eager', 'auto'],
      ['eager', 'auto'],
      ['lazy', 'auto'],
    ]);
  });

  it('says so when no category has the address', async () => {
    renderApp('/c/nothing', [
      ...shellMocks(),
      categoryMock('nothing', null),
      recordingSearchMock([]),
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Category not found' }),
    ).toBeTruthy();
  });
});

describe('search page', () => {
  it('shows the count, the products and "did you mean" for a misspelled search', async () => {
    const input: SearchInput = { query: 'shrit', sort: 'RELEVANCE', inStockOnly: false };
    renderApp('/search?q=shrit', [
      ...shellMocks(),
      {
        request: { query: CatalogSearchDocument, variables: { input, first: 24 } },
        result: { data: searchData([ACME_SHIRT], input, { didYouMean: 'shirt' }) },
      },
    ]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “shrit”' }),
    ).toBeTruthy();
    const suggestion = await screen.findByRole('link', { name: 'shirt' });
    expect(suggestion.getAttribute('href')).toBe('/search?q=shirt');
    expect(suggestion.parentElement?.textContent).toBe('Did you mean shirt?');
    expect(screen.getByText('1 product')).toBeTruthy();
    expect(titles()).toEqual(['Acme linen shirt']);
    // The header's field shows what was searched for.
    expect(
      (screen.getByRole('combobox', { name: 'Search products' }) as HTMLInputElement).value,
    ).toBe('shrit');
    // Category facets stay on the search page, as a filter.
    expect(screen.getByRole('link', { name: 'Linen shirts (4)' }).getAttribute('href')).toBe(
      '/search?q=shrit&category=linen-shirts',
    );
  });

  it('shows an empty state when nothing matches', async () => {
    const input: SearchInput = { query: 'zzzz', sort: 'RELEVANCE', inStockOnly: false };
    renderApp('/search?q=zzzz', [
      ...shellMocks(),
      {
        request: { query: CatalogSearchDocument, variables: { input, first: 24 } },
        result: { data: searchData([], input) },
      },
    ]);

    expect(await screen.findByRole('heading', { name: 'No products match' })).toBeTruthy();
    expect(screen.getByText('0 products')).toBeTruthy();
    expect(screen.getByText(/Nothing matches “zzzz”/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Products' })).toBeNull();
  });
});
