import { type Download, type Locator, type Page, expect } from '@playwright/test';

/** A file to import: a path on disk, or a name and its content. */
export type CsvFile = string | { name: string; content: string };

export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** The back-office's catalog import wizard, its progress and error report, and the export. */
export class BackofficeImports {
  readonly heading: Locator;
  /** The job being followed: title, status, progress bar, counts and row errors. */
  readonly status: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Import and export' });
    this.status = page.getByRole('region', { name: 'Import status' });
    this.progress = this.status.getByRole('progressbar', { name: 'Import progress' });
  }

  /** The import page of a seller (by id), or of the current seller through the navbar. */
  async open(sellerId?: string): Promise<void> {
    if (sellerId) await this.page.goto(`./sellers/${encodeURIComponent(sellerId)}/imports`);
    else
      await this.page
        .getByRole('navigation')
        .getByRole('link', { name: 'Import and export' })
        .click();
    await expect(this.heading).toBeVisible();
  }

  /**
   * Uploads a CSV file, as a dry run (validation only) or for real, and waits
   * for the progress step. Does not wait for the job to finish.
   */
  async importCsv(file: CsvFile, { dryRun = false }: { dryRun?: boolean } = {}): Promise<void> {
    const input = this.page.locator('input[type="file"][name="csv"]');
    await input.setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.content, 'utf8') },
    );
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.page.getByRole('checkbox', { name: /^Dry run/ }).setChecked(dryRun);
    await this.page
      .getByRole('button', { name: dryRun ? 'Upload and check' : 'Upload and import' })
      .click();
    await expect(this.status.or(this.page.getByRole('alert')).first()).toBeVisible();
  }

  /** Waits until the followed job has finished (or failed); resolves to its status label. */
  async waitUntilFinished(timeout = 90_000): Promise<'Finished' | 'Failed'> {
    const done = this.status.getByText(/^(Finished|Failed)$/);
    await expect(done).toBeVisible({ timeout });
    return (await done.textContent())?.trim() as 'Finished' | 'Failed';
  }

  /** The progress bar's value, 0 to 100. */
  async progressValue(): Promise<number> {
    return Number(await this.progress.getAttribute('aria-valuenow'));
  }

  /** A count of the followed job: "Rows", "Rows imported" (or "Valid rows" for a dry run), "Rows with errors". */
  async count(
    label: 'Rows' | 'Rows imported' | 'Valid rows' | 'Rows with errors',
  ): Promise<number> {
    const text = await this.status.getByRole('group', { name: label, exact: true }).innerText();
    return Number(text.replace(label, '').trim());
  }

  /** The row errors shown for the followed job (the first 50; the report has all). */
  async rowErrors(): Promise<ImportRowError[]> {
    const table = this.status.getByRole('table', { name: 'Row errors' });
    if ((await table.count()) === 0) return [];
    const rows = table.locator('tbody tr');
    const result: ImportRowError[] = [];
    for (let i = 0; i < (await rows.count()); i += 1) {
      const [row = '', column = '', code = '', message = ''] = await rows
        .nth(i)
        .getByRole('cell')
        .allInnerTexts();
      result.push({
        row: Number(row),
        column: column.trim() === '—' ? '' : column.trim(),
        code: code.trim(),
        message: message.trim(),
      });
    }
    return result;
  }

  /** Downloads the followed job's per-row error report (CSV). */
  async downloadErrorReport(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.status.getByRole('button', { name: 'Download error report' }).first().click();
    return download;
  }

  /** After a clean dry run: imports the same file for real and follows that job. */
  async importForReal(): Promise<void> {
    await this.status.getByRole('button', { name: 'Import for real' }).click();
    await expect(this.status.getByRole('heading', { name: /^Import of / })).toBeVisible();
  }

  /** Back to step 1 for another file. */
  async startOver(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import another file' }).click();
  }

  /** Downloads the seller's catalog in the import format. */
  async exportCatalog(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export CSV' }).first().click();
    return download;
  }

  /** The "Earlier imports" table. */
  get history(): Locator {
    return this.page.getByRole('table', { name: 'Earlier imports' });
  }
}
