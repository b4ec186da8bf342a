import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  ProductCreateDocument,
  ProductImagesReorderDocument,
  ProductPublishDocument,
  VariantCreateDocument,
  VariantDeleteDocument,
  type ProductCreateMutation,
  type ProductImagesReorderMutation,
  type ProductPublishMutation,
  type VariantCreateMutation,
  type VariantDeleteMutation,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import {
  categoryAttributesMock,
  categoryOptionsMocks,
  editorProduct,
  image,
  mugDefinitions,
  problem,
  productEditorMock,
  productManager,
  shirtDefinitions,
} from './products.fixtures';
import { ProductEditorView } from './views/product-editor-view';

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

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Types a value into a Mantine TagsInput and confirms it with Enter. */
function addTag(label: string | RegExp, value: string) {
  const input = screen
    .getAllByLabelText(label)
    .find((el) => el instanceof HTMLInputElement && el.type !== 'hidden');
  if (!input) throw new Error(`No tags input labelled ${String(label)}`);
  // Mantine ignores changes to an input that does not have the focus (autofill).
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

function openTab(name: RegExp) {
  fireEvent.click(screen.getByRole('tab', { name }));
}

function renderNewProduct(
  mocks: Parameters<typeof renderScreen>[1] extends infer O
    ? O extends { mocks?: infer M }
      ? M
      : never
    : never,
) {
  return renderScreen(<ProductEditorView sellerId="s-green" />, {
    viewer: productManager,
    mocks,
    path: '/sellers/s-green/products/new',
    routePath: '/sellers/:sellerId/products/new',
  });
}

function renderExisting(
  product = editorProduct(),
  extra: Parameters<typeof renderNewProduct>[0] = [],
) {
  return renderScreen(<ProductEditorView sellerId="s-green" productId={product.id} />, {
    viewer: productManager,
    mocks: [productEditorMock(product), ...categoryOptionsMocks(), ...(extra ?? [])],
    path: `/sellers/s-green/products/${product.id}`,
    routePath: '/sellers/:sellerId/products/:productId',
  });
}

async function chooseCategory(id: string) {
  const select = screen.getByLabelText('Category') as HTMLSelectElement;
  await waitFor(() => expect(Array.from(select.options).some((o) => o.value === id)).toBe(true));
  fireEvent.change(select, { target: { value: id } });
}

describe('product editor: attributes', () => {
  it('builds the attributes form from the chosen category’s definitions and sends them', async () => {
    const create = {
      request: {
        query: ProductCreateDocument,
        variables: {
          input: {
            sellerId: 's-green',
            slug: null,
            categoryId: 'c-mugs',
            title: [{ locale: 'EN', value: 'Stoneware mug' }],
            description: [],
            brand: null,
            tags: [],
            attributes: [{ key: 'capacity', value: '350' }],
            options: [],
            seoTitle: [],
            seoDescription: [],
            variants: [
              {
                sku: 'MUG-1',
                barcode: null,
                optionValues: [],
                weightGrams: 420,
                lengthMm: null,
                widthMm: null,
                heightMm: null,
              },
            ],
          },
        },
      },
      result: {
        data: {
          productCreate: {
            __typename: 'ProductCreatePayload',
            errors: [],
            product: { ...editorProduct({ id: 'p-new', title: 'Stoneware mug' }) },
          },
        } as unknown as ProductCreateMutation,
      },
    };
    const { router } = renderNewProduct([
      ...categoryOptionsMocks(),
      categoryAttributesMock('shirts', 'c-shirts', shirtDefinitions),
      categoryAttributesMock('mugs', 'c-mugs', mugDefinitions),
      create,
    ]);

    openTab(/Attributes/);
    expect(screen.getByText(/Choose a category on the General tab/)).toBeTruthy();
    openTab(/General/);
    await chooseCategory('c-shirts');
    openTab(/Attributes/);

    // One input per definition, by type; required ones marked.
    const material = (await screen.findByLabelText(/^Material/)) as HTMLInputElement;
    expect(material.type).toBe('text');
    expect(material.required).toBe(true);
    const sleeve = screen.getByLabelText(/^Sleeve length \(cm\)/) as HTMLInputElement;
    expect(sleeve.required).toBe(false);
    expect(sleeve.inputMode).toBe('decimal');
    const organic = screen.getByRole('switch', { name: 'Organic cotton' }) as HTMLInputElement;
    expect(organic.checked).toBe(false);
    const fit = screen.getByLabelText(/^Fit/) as HTMLSelectElement;
    expect(fit.tagName).toBe('SELECT');
    expect(fit.required).toBe(true);
    expect(Array.from(fit.options).map((o) => o.value)).toEqual(['', 'Slim', 'Regular']);

    // Another category, other attributes.
    openTab(/General/);
    await chooseCategory('c-mugs');
    openTab(/Attributes/);
    const capacity = (await screen.findByLabelText(/^Capacity \(ml\)/)) as HTMLInputElement;
    expect(capacity.required).toBe(true);
    expect(screen.queryByLabelText(/^Material/)).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();

    fireEvent.change(capacity, { target: { value: '350' } });
    openTab(/General/);
    type('Title (English) *', 'Stoneware mug');
    openTab(/Options & variants/);
    type('Variant 1 SKU', 'MUG-1');
    type('Variant 1 weight (g)', '420');
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/sellers/s-green/products/p-new'),
    );
  });
});

describe('product editor: payload errors', () => {
  it('shows the API’s errors next to the fields they name, across tabs', async () => {
    const create = {
      request: {
        query: ProductCreateDocument,
        variables: {
          input: {
            sellerId: 's-green',
            slug: null,
            categoryId: 'c-shirts',
            title: [
              { locale: 'EN', value: 'Linen shirt' },
              { locale: 'ZH_CN', value: '亚麻衬衫' },
            ],
            description: [],
            brand: null,
            tags: [],
            attributes: [
              { key: 'material', value: 'Linen' },
              { key: 'organic', value: 'false' },
              { key: 'fit', value: 'Slim' },
            ],
            options: [{ name: 'Size', values: ['S', 'M'] }],
            seoTitle: [],
            seoDescription: [],
            variants: [
              {
                sku: 'LS-S',
                barcode: null,
                optionValues: [{ name: 'Size', value: 'S' }],
                weightGrams: null,
                lengthMm: null,
                widthMm: null,
                heightMm: null,
              },
              {
                sku: 'LS-M',
                barcode: '123',
                optionValues: [{ name: 'Size', value: 'M' }],
                weightGrams: null,
                lengthMm: null,
                widthMm: null,
                heightMm: null,
              },
            ],
          },
        },
      },
      result: {
        data: {
          productCreate: {
            __typename: 'ProductCreatePayload',
            product: null,
            errors: [
              ['SKU_TAKEN', 'variants.1.sku', 'SKU LS-M is already used.'],
              ['BARCODE_INVALID', 'variants.1.barcode', 'Not a valid GTIN.'],
              ['ATTRIBUTE_INVALID', 'attributes.2', 'Fit must be one of Slim, Regular.'],
              ['TEXT_TOO_LONG', 'title.1.value', 'At most 200 characters.'],
              ['OPTION_INVALID', 'variants.0.optionValues.0', '"S" is not a value of "Size".'],
              ['FORBIDDEN', 'sellerId', 'You cannot add products for this seller.'],
            ].map(([code, field, message]) => ({
              __typename: 'ProductCreateError',
              code,
              field,
              message,
            })),
          },
        } as ProductCreateMutation,
      },
    };
    renderNewProduct([
      ...categoryOptionsMocks(),
      categoryAttributesMock('shirts', 'c-shirts', shirtDefinitions),
      create,
    ]);

    type('Title (English) *', 'Linen shirt');
    type('Title (简体中文)', '亚麻衬衫');
    await chooseCategory('c-shirts');
    openTab(/Attributes/);
    fireEvent.change(await screen.findByLabelText(/^Material/), { target: { value: 'Linen' } });
    fireEvent.change(screen.getByLabelText(/^Fit/), { target: { value: 'Slim' } });

    openTab(/Options & variants/);
    fireEvent.click(screen.getByRole('button', { name: 'Add option' }));
    type('Option 1 name', 'Size');
    addTag('Option 1 values', 'S');
    addTag('Option 1 values', 'M');
    fireEvent.click(screen.getByRole('button', { name: 'Add variant' }));
    type('Variant 1 SKU', 'LS-S');
    fireEvent.change(screen.getByLabelText('Variant 1 Size'), { target: { value: 'S' } });
    type('Variant 2 SKU', 'LS-M');
    type('Variant 2 barcode', '123');
    fireEvent.change(screen.getByLabelText('Variant 2 Size'), { target: { value: 'M' } });

    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));

    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Variant 2 SKU'))).toBe('SKU LS-M is already used.'),
    );
    expect(errorOf(screen.getByLabelText('Variant 2 barcode'))).toBe('Not a valid GTIN.');
    expect(errorOf(screen.getByLabelText('Variant 1 SKU'))).toBeNull();
    expect(errorOf(screen.getByLabelText('Variant 1 Size'))).toBe('"S" is not a value of "Size".');
    // attributes.2 is the third attribute sent (the switch counts as "false"): Fit.
    expect(errorOf(screen.getByLabelText(/^Fit/))).toBe('Fit must be one of Slim, Regular.');
    expect(errorOf(screen.getByLabelText(/^Material/))).toBeNull();
    // title.1 is the second translation sent: the Chinese one.
    expect(errorOf(screen.getByLabelText('Title (简体中文)'))).toBe('At most 200 characters.');
    expect(errorOf(screen.getByLabelText('Title (English) *'))).toBeNull();
    // An error about no field on the form goes to the form-level alert.
    const formAlert = screen.getByText('The product was not created').closest('[role="alert"]');
    expect(formAlert?.textContent).toContain('You cannot add products for this seller.');
    // The tabs holding errors say so; the first one is shown.
    expect(screen.getByRole('tab', { name: /General.*has errors/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Attributes.*has errors/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Options & variants.*has errors/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^SEO$/ })).toBeTruthy();
  });

  it('checks the English title and SKUs before asking the API', async () => {
    renderNewProduct([...categoryOptionsMocks()]);
    openTab(/Options & variants/);
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));
    // Back on the first tab with a problem.
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: /General/ }).getAttribute('aria-selected')).toBe(
        'true',
      ),
    );
    expect(errorOf(screen.getByLabelText('Title (English) *'))).toBe(
      'An English title is required.',
    );
    expect(errorOf(screen.getByLabelText('Variant 1 SKU'))).toBe('Give the variant a SKU.');
  });
});

describe('product editor: publish panel', () => {
  it('lists what blocks publishing, leads to each field and keeps Publish disabled', async () => {
    renderExisting(
      editorProduct({
        publishProblems: [
          problem('NO_IMAGE', 'images', 'Add at least one image.'),
          problem(
            'DUPLICATE_BARCODE',
            'variants.1.barcode',
            'Barcode 4006381333931 is used by Wool scarf.',
          ),
          problem('INVALID_ATTRIBUTES', 'attributes.fit', 'Choose a Fit.'),
          problem(
            'NO_PRICE',
            'variants',
            'Offer at least one variant at a price (an active offer).',
          ),
        ],
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Publishing' });
    const list = within(panel).getByRole('list', { name: 'Publish problems' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Add at least one image.',
      'Barcode 4006381333931 is used by Wool scarf.',
      'Choose a Fit.',
      'Offer at least one variant at a price (an active offer).',
    ]);
    expect(within(panel).getByText('4 things block publishing')).toBeTruthy();
    const publish = within(panel).getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);

    fireEvent.click(within(list).getByRole('button', { name: /Barcode 4006381333931/ }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Variant 2 barcode')),
    );
    expect(
      screen.getByRole('tab', { name: /Options & variants/ }).getAttribute('aria-selected'),
    ).toBe('true');

    fireEvent.click(within(list).getByRole('button', { name: 'Choose a Fit.' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Fit/)));

    fireEvent.click(within(list).getByRole('button', { name: 'Add at least one image.' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Upload images' })),
    );

    fireEvent.click(within(list).getByRole('button', { name: /Offer at least one variant/ }));
    const offers = await screen.findByRole('link', { name: 'Manage offers and prices' });
    await waitFor(() => expect(document.activeElement).toBe(offers));
    expect(offers.getAttribute('href')).toBe('/sellers/s-green/offers?product=p1');
  });

  it('publishes when nothing blocks it, and shows the API’s refusal when it still does', async () => {
    const refused = {
      request: { query: ProductPublishDocument, variables: { id: 'p1' } },
      result: {
        data: {
          productPublish: {
            __typename: 'ProductPublishPayload',
            product: null,
            errors: [
              {
                __typename: 'ProductPublishError',
                code: 'NO_PRICE',
                field: 'variants',
                message: 'Offer at least one variant at a price (an active offer).',
              },
            ],
          },
        } as ProductPublishMutation,
      },
    };
    renderExisting(editorProduct({ images: [image('img-a', 'Front', 0)] }), [refused]);
    const panel = await screen.findByRole('region', { name: 'Publishing' });
    expect(within(panel).getByText('Ready to publish.')).toBeTruthy();
    const publish = within(panel).getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(false);
    fireEvent.click(publish);
    const alert = await within(panel).findByRole('alert');
    expect(within(alert).getByText('The product was not published')).toBeTruthy();
    expect(within(alert).getByText(/Offer at least one variant at a price/)).toBeTruthy();
    // The QR code opens the product page, with both downloads.
    expect(
      screen.getByRole('img', { name: /QR code that opens Linen shirt/ }).getAttribute('src'),
    ).toBe('/qr/products/linen-shirt.svg');
    expect(screen.getByRole('link', { name: 'Download PNG' }).getAttribute('href')).toBe(
      '/qr/products/linen-shirt.png',
    );
  });
});

describe('product editor: images', () => {
  it('reorders images from the keyboard and sends the whole new order', async () => {
    const images = [
      image('img-a', 'Front', 0),
      image('img-b', 'Back', 1),
      image('img-c', 'Label', 2),
    ];
    const asked: string[][] = [];
    const reorderMock = (ids: string[]) => ({
      request: {
        query: ProductImagesReorderDocument,
        variables: { productId: 'p1', imageIds: ids },
      },
      result: () => {
        asked.push(ids);
        return {
          data: {
            productImagesReorder: {
              __typename: 'ProductImagesReorderPayload',
              errors: [],
              product: {
                __typename: 'Product',
                id: 'p1',
                images: ids.map((id, position) => ({
                  ...images.find((img) => img.id === id)!,
                  position,
                })),
              },
            },
          } as ProductImagesReorderMutation,
        };
      },
    });
    renderExisting(editorProduct({ images }), [
      reorderMock(['img-b', 'img-a', 'img-c']),
      reorderMock(['img-b', 'img-c', 'img-a']),
    ]);
    await screen.findByRole('region', { name: 'Publishing' });
    openTab(/Images/);
    const order = () =>
      within(screen.getByRole('list', { name: 'Images' }))
        .getAllByRole('img')
        .map((img) => img.getAttribute('alt'));
    expect(order()).toEqual(['Front', 'Back', 'Label']);

    // Arrow down on the first image's handle moves it after the second.
    const handle = screen.getByRole('button', { name: /^Reorder image 1/ });
    act(() => handle.focus());
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    await waitFor(() => expect(asked).toEqual([['img-b', 'img-a', 'img-c']]));
    await waitFor(() => expect(order()).toEqual(['Back', 'Front', 'Label']));
    // The moved image's handle keeps the focus, and the move is announced.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Reorder image 2/);
    expect(await screen.findByText('Image moved to position 2 of 3.')).toBeTruthy();

    // The move buttons do the same for those who prefer them.
    fireEvent.click(screen.getByRole('button', { name: 'Move image 2 later' }));
    await waitFor(() => expect(order()).toEqual(['Back', 'Label', 'Front']));
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(['img-b', 'img-c', 'img-a']);
    expect(
      (screen.getByRole('button', { name: 'Move image 1 earlier' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

describe('product editor: variants of an existing product', () => {
  it('adds a variant with variantCreate and deletes one with variantDelete, showing their errors', async () => {
    const create = {
      request: {
        query: VariantCreateDocument,
        variables: {
          productId: 'p1',
          input: {
            sku: 'LS-S',
            barcode: null,
            optionValues: [{ name: 'Size', value: 'M' }],
            weightGrams: 180,
            lengthMm: null,
            widthMm: null,
            heightMm: null,
          },
        },
      },
      result: {
        data: {
          variantCreate: {
            __typename: 'VariantCreatePayload',
            variant: null,
            errors: [
              {
                __typename: 'VariantCreateError',
                code: 'SKU_TAKEN',
                field: 'sku',
                message: 'SKU LS-S is already used.',
              },
              {
                __typename: 'VariantCreateError',
                code: 'OPTION_INVALID',
                field: 'optionValues',
                message: 'Variant LS-M has the same option values.',
              },
            ],
          },
        } as VariantCreateMutation,
      },
    };
    const remove = {
      request: { query: VariantDeleteDocument, variables: { id: 'v2' } },
      result: {
        data: {
          variantDelete: {
            __typename: 'VariantDeletePayload',
            variant: null,
            errors: [
              {
                __typename: 'VariantDeleteError',
                code: 'HAS_OFFERS',
                field: null,
                message: 'Offers still sell this variant.',
              },
            ],
          },
        } as VariantDeleteMutation,
      },
    };
    renderExisting(editorProduct(), [create, remove]);
    await screen.findByRole('region', { name: 'Publishing' });
    openTab(/Options & variants/);
    expect((screen.getByLabelText('Variant 2 SKU') as HTMLInputElement).value).toBe('LS-M');
    expect((screen.getByLabelText('Variant 2 Size') as HTMLSelectElement).value).toBe('M');

    fireEvent.click(screen.getByRole('button', { name: 'Add variant' }));
    type('Variant 3 SKU', 'LS-S');
    type('Variant 3 weight (g)', '180');
    fireEvent.change(screen.getByLabelText('Variant 3 Size'), { target: { value: 'M' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create variant' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Variant 3 SKU'))).toBe('SKU LS-S is already used.'),
    );
    expect(errorOf(screen.getByLabelText('Variant 3 Size'))).toBe(
      'Variant LS-M has the same option values.',
    );
    expect(errorOf(screen.getByLabelText('Variant 1 SKU'))).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete variant 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete variant LS-M?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete variant' }));
    expect(await screen.findByText('Offers still sell this variant.')).toBeTruthy();
    expect(screen.getByLabelText('Variant 2 SKU')).toBeTruthy();
  });
});
