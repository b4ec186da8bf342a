import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  ImportJobDocument,
  ImportJobsDocument,
  type ImportJobQuery,
  type ImportJobsQuery,
  type ImportProgress_JobFragment,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import type { Mocks } from '../../test/providers';
import { renderScreen } from '../../test/render';
import { catalogViewer } from '../offers/test-data';
import { CATALOG_CSV_COLUMNS } from './http';
import { ImportsView } from './views/imports-view';

/** Short polls keep the test quick; each state still stays on screen for a while. */
const POLL_MS = 300;

function job(overrides: Partial<ImportProgress_JobFragment>): ImportProgress_JobFragment {
  return {
    __typename: 'ImportJob',
    id: 'job-1',
    fileName: 'catalog.csv',
    dryRun: false,
    status: 'RUNNING',
    totalRows: 10,
    processedRows: 0,
    succeededRows: 0,
    failedRows: 0,
    progress: 0,
    failure: null,
    errorReportUrl: 'https://api.bazaar.example/imports/job-1/errors.csv',
    createdAt: '2026-11-23T10:00:00.000Z',
    startedAt: '2026-11-23T10:00:01.000Z',
    finishedAt: null,
    errors: [],
    ...overrides,
  };
}

function jobMock(state: ImportProgress_JobFragment) {
  return {
    request: { query: ImportJobDocument, variables: { id: state.id } },
    result: { data: { importJob: state } as ImportJobQuery },
  };
}

/** A finished job, answered as often as asked; `asked()` counts the requests. */
function finishedJobMock(state: ImportProgress_JobFragment) {
  let count = 0;
  return {
    mock: {
      request: { query: ImportJobDocument, variables: { id: state.id } },
      result: () => {
        count += 1;
        return { data: { importJob: state } as ImportJobQuery };
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
    asked: () => count,
  };
}

const history = {
  request: {
    query: ImportJobsDocument,
    variables: { sellerId: greenGrocer.id, first: 10, after: null },
  },
  result: {
    data: {
      importJobs: {
        __typename: 'ImportJobConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        edges: [],
      },
    } as ImportJobsQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const rowErrors = [
  {
    __typename: 'ImportRowError' as const,
    row: 2,
    column: 'price',
    code: 'PRICE_INVALID',
    message: 'price must be a whole number of minor units, 0 or more: 1999 for 19.99 (got "12,5").',
  },
  {
    __typename: 'ImportRowError' as const,
    row: 5,
    column: 'currency',
    code: 'CURRENCY_INVALID',
    message: 'Use an ISO 4217 currency code such as "USD".',
  },
];

const csv = 'sku,price,currency\nLIN-S,1999,USD\n';

let fetchMock: ReturnType<typeof vi.fn>;
let saved: { name: string; blob: Blob }[];

beforeEach(() => {
  saved = [];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/imports?') && init?.method === 'POST') {
      const dryRun = new URLSearchParams(url.split('?')[1]).get('dryRun') === 'true';
      return new Response(JSON.stringify({ id: dryRun ? 'job-dry' : 'job-1' }), {
        status: 202,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (url === '/imports/job-1/errors.csv') {
      return new Response('row,column,code,message\n2,price,PRICE_INVALID,bad\n', {
        status: 200,
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="catalog-errors.csv"',
        },
      });
    }
    return new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'Nothing here.' }), {
      status: 404,
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no object URLs and does not navigate: record what would be saved.
  let blob: Blob | null = null;
  URL.createObjectURL = vi.fn((value: Blob) => {
    blob = value;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (blob) saved.push({ name: this.download, blob });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderImports(mocks: Mocks) {
  return renderScreen(<ImportsView sellerId={greenGrocer.id} pollInterval={POLL_MS} />, {
    viewer: catalogViewer,
    mocks: [history, ...mocks],
    path: `/sellers/${greenGrocer.id}/imports`,
    routePath: '/sellers/:sellerId/imports',
  });
}

function chooseFile(container: HTMLElement) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"][name="csv"]');
  if (!input) throw new Error('No file input.');
  fireEvent.change(input, {
    target: { files: [new File([csv], 'catalog.csv', { type: 'text/csv' })] },
  });
}

/** jsdom's Blob has no text(); Node's (from a fetch Response) has. */
function readBlob(blob: Blob | undefined): Promise<string> {
  if (blob && typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('No blob.'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Unreadable blob.'));
    reader.readAsText(blob);
  });
}

function progressValue(): string | null {
  return screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow');
}

describe('import wizard', () => {
  it('uploads the file with the bearer token, follows the progress, then lists the row errors and downloads the report', async () => {
    const finished = finishedJobMock(
      job({
        status: 'SUCCEEDED',
        processedRows: 10,
        succeededRows: 8,
        failedRows: 2,
        progress: 100,
        errors: rowErrors,
        finishedAt: '2026-11-23T10:00:05.000Z',
      }),
    );
    const { container } = renderImports([
      jobMock(job({ status: 'RUNNING', processedRows: 4, succeededRows: 4, progress: 40 })),
      jobMock(
        job({
          status: 'RUNNING',
          processedRows: 8,
          succeededRows: 7,
          failedRows: 1,
          progress: 80,
          errors: rowErrors.slice(0, 1),
        }),
      ),
      finished.mock,
    ]);
    chooseFile(container);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Dry run/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/imports?sellerId=${greenGrocer.id}&dryRun=false&fileName=catalog.csv`);
    expect(init.method).toBe('POST');
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer test-access-token');
    expect(headers.get('content-type')).toBe('text/csv');
    expect(await readBlob(init.body as File)).toBe(csv);

    // Each poll moves the bar on.
    await waitFor(() => expect(progressValue()).toBe('40'));
    await waitFor(() => expect(progressValue()).toBe('80'));
    await waitFor(() => expect(progressValue()).toBe('100'));
    expect(
      within(screen.getByRole('group', { name: 'Rows imported' })).getByText('8'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Rows with errors' })).getByText('2'),
    ).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Row errors' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'price', 'PRICE_INVALID', rowErrors[0]?.message],
      ['5', 'currency', 'CURRENCY_INVALID', rowErrors[1]?.message],
    ]);
    // Polling stopped with the job.
    expect(finished.asked()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 3));
    expect(finished.asked()).toBe(1);
    expect(progressValue()).toBe('100');
    expect(screen.queryByRole('button', { name: 'Import for real' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Download error report' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const [reportUrl, reportInit] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(reportUrl).toBe('/imports/job-1/errors.csv');
    expect(new Headers(reportInit.headers).get('authorization')).toBe('Bearer test-access-token');
    expect(saved[0]?.name).toBe('catalog-errors.csv');
    expect(await readBlob(saved[0]?.blob)).toContain('PRICE_INVALID');
  });

  it('offers the real import after a clean dry run, with the same file', async () => {
    const { container } = renderImports([
      jobMock(
        job({
          id: 'job-dry',
          dryRun: true,
          status: 'SUCCEEDED',
          processedRows: 10,
          succeededRows: 10,
          progress: 100,
          errorReportUrl: '/imports/job-dry/errors.csv',
        }),
      ),
      jobMock(job({ status: 'SUCCEEDED', processedRows: 10, succeededRows: 10, progress: 100 })),
    ]);
    chooseFile(container);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((screen.getByRole('checkbox', { name: /^Dry run/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Upload and check' }));
    expect(await screen.findByText('Every row is valid')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Row errors' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download error report' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Import for real' }));
    expect(await screen.findByText('Import finished')).toBeTruthy();
    const posts = fetchMock.mock.calls.map(([url]) => url as string);
    expect(posts).toEqual([
      `/imports?sellerId=${greenGrocer.id}&dryRun=true&fileName=catalog.csv`,
      `/imports?sellerId=${greenGrocer.id}&dryRun=false&fileName=catalog.csv`,
    ]);
  });

  it('shows why the API refused the file', async () => {
    fetchMock.mockImplementationOnce(
      async () =>
        new Response(
          JSON.stringify({ code: 'FILE_TOO_LARGE', message: 'The file is larger than 20 MB.' }),
          {
            status: 413,
          },
        ),
    );
    const { container } = renderImports([]);
    chooseFile(container);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Upload and check' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file is larger than 20 MB.');
  });

  it('downloads a template with the header row', async () => {
    renderImports([]);
    fireEvent.click(screen.getByRole('button', { name: 'Download template' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toBe('catalog-import-template.csv');
    expect(await readBlob(saved[0]?.blob)).toBe(`${CATALOG_CSV_COLUMNS.join(',')}\r\n`);
  });
});
