import { type Locator, type Page, expect } from '@playwright/test';

/** A file for setInputFiles: a path on disk, or bytes made by the test. */
export type UploadFile = string | { name: string; mimeType: string; buffer: Buffer };

export interface VariantFields {
  sku: string;
  barcode?: string;
  /** Option name -> value, e.g. { Size: 'M' }. */
  options?: Record<string, string>;
  weightGrams?: number;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
}

export interface NewProduct {
  titleEn: string;
  titleZh?: string;
  description?: string;
  brand?: string;
  tags?: string[];
  /** The category's name as the picker shows it (without indentation). */
  category?: string;
  /** Attribute label -> value; booleans flip the switch. */
  attributes?: Record<string, string | boolean>;
  /** e.g. [{ name: 'Size', values: ['S', 'M'] }]. */
  options?: { name: string; values: string[] }[];
  variants: VariantFields[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label at the start of an accessible name ("Title (English)" matches the required one too). */
function labelled(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

/**
 * The back-office's products: the seller's product list (filters, bulk
 * status) and the product editor (general fields, attributes, options and
 * variants, images, SEO, publish check, QR code).
 */
export class BackofficeProducts {
  constructor(private readonly page: Page) {}

  // ---- List ---------------------------------------------------------------

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Products' });
  }

  /** The list of a seller's products, by its id (the URL's /sellers/<id>/products). */
  async openList(sellerId: string): Promise<void> {
    await this.page.goto(`./sellers/${encodeURIComponent(sellerId)}/products`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  }

  /** From the navbar, for the seller currently chosen. */
  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter products' }).fill(text);
  }

  async filterByStatus(label: 'Any status' | 'Draft' | 'Published' | 'Archived'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).selectOption({ label });
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title }) });
  }

  async openProduct(title: string): Promise<void> {
    await this.table.getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Selects rows and runs a bulk action; returns nothing (read `rowError` afterwards). */
  async bulk(
    titles: string[],
    action: 'Publish' | 'Unpublish to draft' | 'Archive',
  ): Promise<void> {
    for (const title of titles) {
      await this.page.getByRole('checkbox', { name: `Select ${title}` }).check();
    }
    const bar = this.page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: action }).click();
    if (action === 'Archive') {
      await this.page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
    }
  }

  /** Why the last bulk action refused this row ('' when it did not). */
  async rowError(title: string): Promise<string> {
    const error = this.row(title).getByRole('status');
    return (await error.count()) > 0 ? ((await error.textContent()) ?? '') : '';
  }

  // ---- Editor -------------------------------------------------------------

  async startNewProduct(): Promise<void> {
    await this.page.getByRole('link', { name: 'New product' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
  }

  async openTab(
    name: 'General' | 'Attributes' | 'Options & variants' | 'Images' | 'SEO' | 'Offers',
  ): Promise<void> {
    const tab = this.page.getByRole('tab', { name: labelled(name) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  private input(label: string): Locator {
    return this.page.getByLabel(labelled(label)).first();
  }

  /** Picks the category by its name (the picker indents subcategories). */
  async chooseCategory(name: string): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Category' });
    const option = select
      .locator('option')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}$`) });
    const value = await option.first().getAttribute('value');
    if (!value) throw new Error(`No category named ${name}`);
    await select.selectOption(value);
  }

  async fillGeneral(
    product: Omit<NewProduct, 'attributes' | 'options' | 'variants'>,
  ): Promise<void> {
    await this.openTab('General');
    await this.input('Title (English)').fill(product.titleEn);
    if (product.titleZh) await this.input('Title (简体中文)').fill(product.titleZh);
    if (product.description) await this.input('Description (English)').fill(product.description);
    if (product.brand) await this.input('Brand').fill(product.brand);
    const tags = this.page.locator('[id="product-field-tags"]');
    for (const tag of product.tags ?? []) {
      await tags.fill(tag);
      await tags.press('Enter');
    }
    if (product.category) await this.chooseCategory(product.category);
  }

  /** Fills the attribute inputs the category defines, by label: text, number, select or switch. */
  async fillAttributes(values: Record<string, string | boolean>): Promise<void> {
    await this.openTab('Attributes');
    for (const [label, value] of Object.entries(values)) {
      if (typeof value === 'boolean') {
        await this.page.getByRole('switch', { name: labelled(label) }).setChecked(value);
        continue;
      }
      const field = this.input(label);
      await expect(field).toBeVisible();
      const tag = await field.evaluate((el) => el.tagName);
      if (tag === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
  }

  /** The attribute labels shown for the chosen category. */
  async attributeLabels(): Promise<string[]> {
    await this.openTab('Attributes');
    const panel = this.page.getByRole('tabpanel', { name: labelled('Attributes') });
    return panel.locator('label').allTextContents();
  }

  async addOption(name: string, values: string[]): Promise<void> {
    await this.openTab('Options & variants');
    await this.page.getByRole('button', { name: 'Add option' }).click();
    const count = await this.page.getByLabel(/^Option \d+ name$/).count();
    await this.page.getByLabel(`Option ${count} name`).fill(name);
    const valuesInput = this.page.locator(`[id="product-field-options.${count - 1}.values"]`);
    for (const value of values) {
      await valuesInput.fill(value);
      await valuesInput.press('Enter');
    }
  }

  /** Fills variant row `index` (0-based) of the variants table. */
  async fillVariant(index: number, variant: VariantFields): Promise<void> {
    const n = index + 1;
    await this.page.getByLabel(`Variant ${n} SKU`, { exact: true }).fill(variant.sku);
    if (variant.barcode !== undefined)
      await this.page.getByLabel(`Variant ${n} barcode`, { exact: true }).fill(variant.barcode);
    for (const [option, value] of Object.entries(variant.options ?? {})) {
      await this.page.getByLabel(`Variant ${n} ${option}`, { exact: true }).selectOption(value);
    }
    const dimensions: [keyof VariantFields, string][] = [
      ['weightGrams', 'weight (g)'],
      ['lengthMm', 'length (mm)'],
      ['widthMm', 'width (mm)'],
      ['heightMm', 'height (mm)'],
    ];
    for (const [key, label] of dimensions) {
      const value = variant[key];
      if (value !== undefined)
        await this.page.getByLabel(`Variant ${n} ${label}`, { exact: true }).fill(String(value));
    }
  }

  /**
   * Creates a product from the list (or the new-product page): general
   * fields, category, attributes, options and every variant; returns its id
   * once the editor of the created product is open.
   */
  async createProduct(product: NewProduct): Promise<string> {
    if (!/\/products\/new$/.test(new URL(this.page.url()).pathname)) await this.startNewProduct();
    await this.fillGeneral(product);
    if (product.attributes) await this.fillAttributes(product.attributes);
    for (const option of product.options ?? []) await this.addOption(option.name, option.values);
    await this.openTab('Options & variants');
    for (const [index, variant] of product.variants.entries()) {
      if (index > 0) await this.page.getByRole('button', { name: 'Add variant' }).click();
      await this.fillVariant(index, variant);
    }
    await this.page.getByRole('button', { name: 'Create product' }).click();
    await expect(this.page).toHaveURL(/\/products\/(?!new$)[^/?#]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: product.titleEn })).toBeVisible();
    return this.productIdFromUrl();
  }

  productIdFromUrl(): string {
    const match = /\/products\/([^/?#]+)$/.exec(new URL(this.page.url()).pathname);
    if (!match?.[1] || match[1] === 'new') throw new Error(`Not on a product: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  /** Saves the product form (general, attributes, options, SEO) of an existing product. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save product' }).click();
    await expect(this.page.getByText(/ saved\.$/).first()).toBeVisible();
  }

  get images(): Locator {
    return this.page.getByRole('list', { name: 'Images' }).getByRole('listitem');
  }

  /** Uploads images through the file input (POST /media, then productImageAdd) and waits for them. */
  async uploadImages(...files: UploadFile[]): Promise<void> {
    await this.openTab('Images');
    const before = await this.images.count();
    await this.page
      .getByLabel('Image files')
      .setInputFiles(files as Parameters<Locator['setInputFiles']>[0]);
    // Each upload is resized into every width before it is listed: slow on a loaded machine.
    await expect(this.images).toHaveCount(before + files.length, { timeout: 30_000 });
  }

  /** Moves an image (1-based position) one place with the keyboard, as a keyboard user would. */
  async moveImage(position: number, direction: 'earlier' | 'later'): Promise<void> {
    await this.openTab('Images');
    const handle = this.page.getByRole('button', {
      name: new RegExp(`^Reorder image ${position}:`),
    });
    await handle.focus();
    await handle.press(direction === 'earlier' ? 'ArrowUp' : 'ArrowDown');
    const to = direction === 'earlier' ? position - 1 : position + 1;
    await expect(this.page.getByText(`Image moved to position ${to} of`)).toBeAttached();
  }

  async fillSeo(seo: { titleEn?: string; descriptionEn?: string }): Promise<void> {
    await this.openTab('SEO');
    if (seo.titleEn !== undefined) await this.input('SEO title (English)').fill(seo.titleEn);
    if (seo.descriptionEn !== undefined)
      await this.input('SEO description (English)').fill(seo.descriptionEn);
  }

  // ---- Publishing ---------------------------------------------------------

  get publishPanel(): Locator {
    return this.page.getByRole('region', { name: 'Publishing' });
  }

  /** What blocks publishing, as listed in the publish panel (empty when nothing does). */
  async publishProblems(): Promise<string[]> {
    await expect(this.publishPanel).toBeVisible();
    const list = this.publishPanel.getByRole('list', { name: 'Publish problems' });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
  }

  /** Follows a publish problem to the field at fault. */
  async goToProblem(message: string | RegExp): Promise<void> {
    await this.publishPanel.getByRole('button', { name: message }).click();
  }

  async publish(): Promise<void> {
    const button = this.publishPanel.getByRole('button', { name: 'Publish', exact: true });
    await expect(button).toBeEnabled();
    await button.click();
    await expect(this.publishPanel.getByText('Published', { exact: true })).toBeVisible();
  }

  async unpublish(): Promise<void> {
    await this.publishPanel.getByRole('button', { name: 'Unpublish' }).click();
    await expect(this.publishPanel.getByText('Draft', { exact: true })).toBeVisible();
  }

  /** The Offers tab's link to this product's offers and prices. */
  async openOffers(): Promise<void> {
    await this.openTab('Offers');
    await this.page.getByRole('link', { name: 'Manage offers and prices' }).click();
  }

  /** The QR code's image and download links. */
  async qrCode(): Promise<{ svg: string | null; png: string | null; image: string | null }> {
    const card = this.page.getByRole('region', { name: 'QR code' });
    return {
      image: await card.getByRole('img').getAttribute('src'),
      svg: await card.getByRole('link', { name: 'Download SVG' }).getAttribute('href'),
      png: await card.getByRole('link', { name: 'Download PNG' }).getAttribute('href'),
    };
  }
}
