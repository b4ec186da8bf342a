import { type Locator, type Page, expect } from '@playwright/test';

/** "Acme (12)" → ["Acme", 12]: how facet labels show their counts. */
function parseCount(label: string): [string, number] {
  const match = /^(.*)\s\((\d+)\)$/.exec(label.replace(/\s+/g, ' ').trim());
  if (!match) throw new Error(`A facet label without a count: "${label}"`);
  return [match[1] ?? '', Number(match[2])];
}

/**
 * The storefront's header search (autocomplete), the search results page and the
 * category pages: both list products with the same facets, sort and grid.
 */
export class StorefrontSearch {
  readonly field: Locator;
  readonly suggestions: Locator;
  readonly results: Locator;
  readonly resultCount: Locator;
  readonly didYouMean: Locator;
  readonly selectedFilters: Locator;

  constructor(private readonly page: Page) {
    this.field = page.getByRole('banner').getByRole('combobox', { name: 'Search products' });
    this.suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    this.results = page.getByRole('list', { name: 'Products' });
    // "12 products", "1 product", "10,000+ products", announced as a status.
    this.resultCount = page.getByRole('status').filter({ hasText: /^[\d,]+\+? products?$/ });
    this.didYouMean = page.getByText(/^Did you mean /);
    this.selectedFilters = page.getByRole('list', { name: 'Selected filters' });
  }

  /* ---- Header search with autocomplete ---- */

  /** Types into the header's field and waits for the suggestions to show. */
  async typeInSearch(text: string): Promise<void> {
    await this.field.click();
    await this.field.fill(text);
    await expect(this.suggestions).toBeVisible();
  }

  /** The suggestions' texts, as listed (a product suggestion reads "<title><brand> · Product"). */
  async suggestionTexts(): Promise<string[]> {
    return this.suggestions.getByRole('option').allTextContents();
  }

  /**
   * Moves to a suggestion with the arrow keys and opens it with Enter: a product
   * suggestion opens its page, a text one searches for it.
   */
  async chooseSuggestion(text: string | RegExp): Promise<void> {
    const options = this.suggestions.getByRole('option');
    const texts = await options.allTextContents();
    const index = texts.findIndex((t) =>
      typeof text === 'string' ? t.includes(text) : text.test(t),
    );
    if (index === -1) throw new Error(`No suggestion matches ${String(text)}: ${texts.join(', ')}`);
    for (let i = 0; i <= index; i += 1) await this.field.press('ArrowDown');
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await this.field.press('Enter');
  }

  /** Searches for the text as typed (Enter without a highlighted suggestion). */
  async search(text: string): Promise<void> {
    await this.field.click();
    await this.field.fill(text);
    // No suggestion is highlighted until an arrow key moves to one: Enter searches the text.
    await this.field.press('Enter');
    await expect(this.heading).toHaveText(`Results for “${text.trim()}”`);
  }

  /* ---- Results pages ---- */

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openSearch(query: string): Promise<void> {
    await this.page.goto(`./search?q=${encodeURIComponent(query)}`);
    await expect(this.heading).toHaveText(`Results for “${query}”`);
  }

  async openCategory(slug: string, name?: string): Promise<void> {
    await this.page.goto(`./c/${slug}`);
    if (name) await expect(this.heading).toHaveText(name);
    else await expect(this.heading).toBeVisible();
  }

  /** The number of products the search found, once it has answered. */
  async count(): Promise<number> {
    const text = (await this.resultCount.textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** The products' titles, in order, as the grid shows them. */
  async productTitles(): Promise<string[]> {
    await expect(this.results).toBeVisible();
    return this.results.getByRole('heading').allTextContents();
  }

  /** Follows "Did you mean …?" to the corrected search; returns the suggested text. */
  async followDidYouMean(): Promise<string> {
    const link = this.didYouMean.getByRole('link');
    const suggestion = (await link.textContent()) ?? '';
    await link.click();
    await expect(this.heading).toHaveText(`Results for “${suggestion}”`);
    return suggestion;
  }

  async openProduct(title: string): Promise<void> {
    await this.results.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async loadMore(): Promise<void> {
    const before = await this.results.getByRole('listitem').count();
    await this.page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => this.results.getByRole('listitem').count()).toBeGreaterThan(before);
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label });
  }

  /* ---- Facets ---- */

  /** On narrow screens the facets fold behind a "Filters" button; opens them when folded. */
  async openFilters(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: /^Filters/ });
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') {
      await toggle.click();
    }
  }

  /** A facet group by its title: "Brand", "Price", "Customer rating", "Seller", an attribute's name. */
  facet(title: string): Locator {
    return this.page.getByRole('group', { name: title, exact: true });
  }

  /** Each value of a facet with its count, e.g. { Acme: 12, Zed: 3 }. */
  async facetCounts(title: string): Promise<Record<string, number>> {
    await this.openFilters();
    const labels = await this.facet(title).locator('label').allTextContents();
    return Object.fromEntries(labels.map(parseCount));
  }

  /** The category facet (subcategories, or categories on the search page) with counts. */
  async categoryCounts(): Promise<Record<string, number>> {
    await this.openFilters();
    const links = this.page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
    return Object.fromEntries((await links.allTextContents()).map(parseCount));
  }

  /** Checks or unchecks one value of a facet; the results follow (and the URL). */
  async toggleFacet(title: string, value: string): Promise<void> {
    await this.openFilters();
    const box = this.facet(title).getByRole('checkbox', {
      name: new RegExp(`^${escape(value)} \\(\\d+\\)$`),
    });
    const checked = await box.isChecked();
    await box.setChecked(!checked);
    await expect(box).toBeChecked({ checked: !checked });
  }

  async openCategoryFacet(name: string): Promise<void> {
    await this.openFilters();
    await this.page
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: new RegExp(`^${escape(name)} \\(\\d+\\)$`) })
      .click();
  }

  /** Removes a filter by its chip: "Brand: Acme", "Price: $20 – $50". */
  async removeFilter(label: string): Promise<void> {
    await this.selectedFilters.getByRole('button', { name: `Remove filter ${label}` }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
