import type { ImportStatus } from '../../generated/graphql';
import type { SessionStore } from '../../shared/session/session-store';

/**
 * The catalog's HTTP endpoints beside /graphql (POST /imports,
 * GET /imports/<id>/errors.csv, GET /exports/catalog.csv) take the same
 * `Authorization: Bearer <access token>` as GraphQL. These helpers send the
 * session's token and, like the GraphQL auth link, refresh it once when the
 * API answers 401.
 */

/** The catalog CSV columns (import and export), in the contract's order. */
export const CATALOG_CSV_COLUMNS = [
  'sku',
  'product_slug',
  'title_en',
  'title_zh_cn',
  'description_en',
  'category_slug',
  'brand',
  'tags',
  'attributes',
  'option_values',
  'barcode',
  'weight_grams',
  'price',
  'compare_at_price',
  'currency',
  'condition',
  'handling_days',
  'allow_backorder',
  'location',
  'on_hand',
] as const;

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A refusal of the API ({ code, message } with a 4xx status), or a failed request. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * A URL of the API as a path on this origin: the API names its downloads by
 * its public URL, and the back-office reaches the API on its own origin (the
 * API serves it in production; Vite proxies in development).
 */
export function sameOriginPath(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

export async function authorizedFetch(
  session: SessionStore,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(url, { credentials: 'same-origin', ...init, headers });
  };
  await session.ensureFresh();
  const sent = session.getAccessToken();
  let response = await send(sent);
  if (response.status === 401 && sent && (await session.refresh())) {
    response = await send(session.getAccessToken());
  }
  return response;
}

async function refusal(response: Response, fallback: string): Promise<HttpError> {
  let code = `HTTP_${response.status}`;
  let message = `${fallback} (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON: keep the status.
  }
  return new HttpError(message, response.status, code);
}

/** Sends a CSV file to POST /imports; resolves to the queued job's id. */
export async function uploadImport(
  session: SessionStore,
  { sellerId, dryRun, file }: { sellerId: string; dryRun: boolean; file: File },
): Promise<string> {
  const query = new URLSearchParams({
    sellerId,
    dryRun: String(dryRun),
    fileName: file.name,
  });
  const response = await authorizedFetch(session, `/imports?${query.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  if (!response.ok) throw await refusal(response, 'The file was not accepted');
  const body = (await response.json()) as { id?: unknown };
  if (typeof body.id !== 'string')
    throw new HttpError('The API did not name the import.', 500, 'BAD_RESPONSE');
  return body.id;
}

/** The file name a response suggests (Content-Disposition), or `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** Saves a blob as a file: a temporary object URL behind an <a download>. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs a file of the API with the bearer token and saves it; resolves to its name. */
export async function downloadFile(
  session: SessionStore,
  url: string,
  fallbackName: string,
): Promise<string> {
  const response = await authorizedFetch(session, sameOriginPath(url));
  if (!response.ok) throw await refusal(response, 'The file could not be downloaded');
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}

/** The header row of the import format, as a file to start from. */
export function templateCsv(): Blob {
  return new Blob([`${CATALOG_CSV_COLUMNS.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** A job that will not change any more. */
export function isFinished(status: ImportStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}
