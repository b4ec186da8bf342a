import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  CategoryCreateDocument,
  CategoryTreeDocument,
  type CategoryCreateMutation,
  type CategoryTreeQuery,
} from '../../generated/graphql';
import { salespersonViewer, viewer } from '../../test/fixtures';
import { shellShopMock } from '../../test/mocks';
import { renderApp, renderScreen } from '../../test/render';
import { CategoriesView } from './views/categories-view';

const catalogueAdmin = viewer({ permissions: ['CATEGORIES_MANAGE'] });

type Node = CategoryTreeQuery['categories']['edges'][number]['node'];

function node(id: string, name: string, position: number, parentId: string | null = null): Node {
  return {
    __typename: 'Category',
    id,
    slug: name.toLowerCase(),
    name,
    position,
    imageUrl: null,
    productCount: 0,
    parent: parentId ? { __typename: 'Category', id: parentId } : null,
  };
}

/** One page of the flat all-levels list (the view follows `hasNextPage`). */
function treeMock(nodes: Node[], page: { after?: string; next?: string } = {}) {
  return {
    request: { query: CategoryTreeDocument, variables: { after: page.after ?? null } },
    result: {
      data: {
        categories: {
          __typename: 'CategoryConnection',
          pageInfo: {
            __typename: 'PageInfo',
            endCursor: page.next ?? nodes.at(-1)?.id ?? null,
            hasNextPage: page.next !== undefined,
          },
          edges: nodes.map((n) => ({ __typename: 'CategoryEdge', node: n })),
        },
      } satisfies CategoryTreeQuery,
    },
  };
}

/** The error text Mantine attached to an input (through aria-describedby). */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

function field(dialog: HTMLElement, label: string | RegExp): HTMLInputElement {
  const found = within(dialog)
    .getAllByLabelText(label)
    .find((el) => el instanceof HTMLInputElement || el instanceof HTMLSelectElement);
  if (!found) throw new Error(`No input labelled ${String(label)}`);
  return found as HTMLInputElement;
}

function type(dialog: HTMLElement, label: string | RegExp, value: string) {
  const input = field(dialog, label);
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
}

function addTag(dialog: HTMLElement, label: string | RegExp, value: string) {
  type(dialog, label, value);
  fireEvent.keyDown(field(dialog, label), { key: 'Enter' });
}

const clothing = node('c-clothing', 'Clothing', 1);
const kitchen = node('c-kitchen', 'Kitchen', 0);
const trousers = node('c-trousers', 'Trousers', 2, 'c-clothing');
const shirts = node('c-shirts', 'Shirts', 0, 'c-clothing');

describe('category manager', () => {
  it('shows the tree with children in position order', async () => {
    renderScreen(<CategoriesView />, {
      viewer: catalogueAdmin,
      mocks: [treeMock([kitchen, clothing, shirts, trousers])],
    });
    const tree = await screen.findByRole('list', { name: 'Category tree' });
    const top = within(tree)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === tree)
      .map((li) => li.getAttribute('aria-label'));
    expect(top).toEqual(['Kitchen', 'Clothing']);
    const sub = within(tree).getByRole('list', { name: 'Subcategories of Clothing' });
    expect(
      within(sub)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Shirts', 'Trousers']);
  });

  it('follows every page of the flat list and nests each level under its parent', async () => {
    // Seven levels (deeper than nested selections ever reached), the deepest on page 2.
    const levels = ['Home', 'Kitchen', 'Cookware', 'Pans', 'Frying pans', 'Cast iron', 'Skillets'];
    const chain = levels.map((name, depth) =>
      node(`c-${depth}`, name, 0, depth === 0 ? null : `c-${depth - 1}`),
    );
    const garden = node('c-garden', 'Garden', 1);
    renderScreen(<CategoriesView />, {
      viewer: catalogueAdmin,
      mocks: [
        treeMock([chain[0]!, garden, chain[1]!, chain[2]!], { next: 'page-1' }),
        treeMock(chain.slice(3), { after: 'page-1' }),
      ],
    });
    const tree = await screen.findByRole('list', { name: 'Category tree' });
    const deepest = await within(tree).findByRole('listitem', { name: 'Skillets' });
    const path: string[] = [];
    for (let el = deepest.parentElement; el && el !== tree; el = el.parentElement)
      if (el.tagName === 'LI') path.unshift(el.getAttribute('aria-label') ?? '');
    expect(path).toEqual(levels.slice(0, -1));
    const top = within(tree)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === tree)
      .map((li) => li.getAttribute('aria-label'));
    expect(top).toEqual(['Home', 'Garden']);
    expect(screen.getByRole('button', { name: 'Add a subcategory to Skillets' })).toBeTruthy();
  });

  it('says so when a further page fails, and tries that page again', async () => {
    renderScreen(<CategoriesView />, {
      viewer: catalogueAdmin,
      mocks: [
        treeMock([kitchen, clothing], { next: 'page-1' }),
        {
          request: { query: CategoryTreeDocument, variables: { after: 'page-1' } },
          error: new Error('Network down'),
        },
        treeMock([shirts, trousers], { after: 'page-1' }),
      ],
    });
    expect(await screen.findByText('Could not load the categories')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const tree = await screen.findByRole('list', { name: 'Category tree' });
    const sub = within(tree).getByRole('list', { name: 'Subcategories of Clothing' });
    expect(
      within(sub)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Shirts', 'Trousers']);
  });

  it('creates a category with attribute definitions, and shows errors next to them', async () => {
    const input = {
      parentId: null,
      slug: 'phones',
      name: [
        { locale: 'EN', value: 'Phones' },
        { locale: 'ZH_CN', value: '手机' },
      ],
      description: [],
      imageUrl: null,
      position: null,
      attributeDefinitions: [
        {
          key: 'screen_size',
          name: [{ locale: 'EN', value: 'Screen size' }],
          type: 'NUMBER',
          options: null,
          unit: 'in',
          required: true,
          facet: true,
        },
        {
          key: 'colour',
          name: [
            { locale: 'EN', value: 'Colour' },
            { locale: 'ZH_CN', value: '颜色' },
          ],
          type: 'ENUM',
          options: ['Black', 'White'],
          unit: null,
          required: false,
          facet: true,
        },
      ],
    };
    const phones = node('c-phones', 'Phones', 2);
    const { parent: _parent, ...phonesResult } = phones;
    let created = 0;
    const refused = {
      request: { query: CategoryCreateDocument, variables: { input } },
      result: {
        data: {
          categoryCreate: {
            __typename: 'CategoryCreatePayload',
            category: null,
            errors: [
              {
                __typename: 'CategoryCreateError',
                code: 'ATTRIBUTE_INVALID',
                field: 'attributeDefinitions.1.options',
                message: 'Values are distinct and 1 to 50 characters.',
              },
            ],
          },
        } as CategoryCreateMutation,
      },
    };
    const accepted = {
      request: { query: CategoryCreateDocument, variables: { input } },
      result: () => {
        created += 1;
        return {
          data: {
            categoryCreate: {
              __typename: 'CategoryCreatePayload',
              category: phonesResult,
              errors: [],
            },
          } as CategoryCreateMutation,
        };
      },
    };
    renderScreen(<CategoriesView />, {
      viewer: catalogueAdmin,
      mocks: [
        treeMock([kitchen, clothing, shirts, trousers]),
        refused,
        accepted,
        treeMock([kitchen, clothing, phones, shirts, trousers]),
      ],
    });

    fireEvent.click(await screen.findByRole('button', { name: 'New category' }));
    const dialog = await screen.findByRole('dialog', { name: 'New category' });
    type(dialog, /^Name \(English\)/, 'Phones');
    type(dialog, /^Name \(简体中文\)/, '手机');
    // The slug follows the English name.
    expect(field(dialog, /^Slug/).value).toBe('phones');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add attribute' }));
    type(dialog, /^Attribute 1 key/, 'screen_size');
    type(dialog, /^Attribute 1 name \(English\)/, 'Screen size');
    fireEvent.change(field(dialog, 'Attribute 1 type'), { target: { value: 'NUMBER' } });
    type(dialog, /^Attribute 1 unit/, 'in');
    fireEvent.click(within(dialog).getByLabelText('Attribute 1 required to publish'));
    fireEvent.click(within(dialog).getByLabelText('Attribute 1 is a search filter'));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add attribute' }));
    type(dialog, /^Attribute 2 key/, 'colour');
    type(dialog, /^Attribute 2 name \(English\)/, 'Colour');
    type(dialog, /^Attribute 2 name \(简体中文\)/, '颜色');
    fireEvent.change(field(dialog, 'Attribute 2 type'), { target: { value: 'ENUM' } });
    // Only an ENUM lists options; only a NUMBER has a unit.
    expect(within(dialog).queryAllByLabelText(/^Attribute 2 unit/)).toHaveLength(0);
    expect(within(dialog).queryAllByLabelText(/^Attribute 1 options/)).toHaveLength(0);
    addTag(dialog, /^Attribute 2 options/, 'Black');
    addTag(dialog, /^Attribute 2 options/, 'White');
    fireEvent.click(within(dialog).getByLabelText('Attribute 2 is a search filter'));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create category' }));
    await waitFor(() =>
      expect(errorOf(field(dialog, /^Attribute 2 options/))).toBe(
        'Values are distinct and 1 to 50 characters.',
      ),
    );
    expect(errorOf(field(dialog, /^Attribute 1 key/))).toBeNull();
    // A refusal changes nothing: the tree is not reloaded.
    const tree = screen.getByRole('list', { name: 'Category tree' });
    expect(within(tree).queryByRole('listitem', { name: 'Phones' })).toBeNull();

    // Same input again: accepted this time; the tree reloads with it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create category' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New category' })).toBeNull());
    expect(created).toBe(1);
    expect(await screen.findByText('Phones created.')).toBeTruthy();
    expect(await within(tree).findByRole('listitem', { name: 'Phones' })).toBeTruthy();
  });

  it('checks keys, names and ENUM options before asking the API', async () => {
    renderScreen(<CategoriesView />, { viewer: catalogueAdmin, mocks: [treeMock([kitchen])] });
    fireEvent.click(await screen.findByRole('button', { name: 'New category' }));
    const dialog = await screen.findByRole('dialog', { name: 'New category' });
    type(dialog, /^Name \(English\)/, 'Knives');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add attribute' }));
    type(dialog, /^Attribute 1 key/, 'Blade Length');
    fireEvent.change(field(dialog, 'Attribute 1 type'), { target: { value: 'ENUM' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create category' }));
    expect(errorOf(field(dialog, /^Attribute 1 key/))).toMatch(/lowercase letter/);
    expect(errorOf(field(dialog, /^Attribute 1 name \(English\)/))).toBe(
      'Name the attribute in English.',
    );
    expect(errorOf(field(dialog, /^Attribute 1 options/))).toBe('List the allowed values.');
  });

  it('is a platform screen: in the navigation of catalogue admins only', async () => {
    const view = renderApp('/categories', {
      viewer: catalogueAdmin,
      mocks: [shellShopMock(), treeMock([kitchen])],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Categories' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Categories' }).getAttribute('href')).toBe(
      '/categories',
    );
    view.unmount();

    renderApp('/categories', { viewer: salespersonViewer, mocks: [shellShopMock()] });
    expect(
      await screen.findByRole('heading', { name: 'You are not allowed to view this page' }),
    ).toBeTruthy();
    const otherNav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(otherNav).queryByRole('link', { name: 'Categories' })).toBeNull();
  });
});
