// The catalog CSV format shared by import and export (contract: catalog.graphql):
// a header row naming the columns (any order, unknown names refuse the file),
// then one row per offer and location. RFC 4180 quoting; UTF-8 only.
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';

export const COLUMNS = [
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
export type Column = (typeof COLUMNS)[number];

/** Columns every file must have. */
export const REQUIRED_COLUMNS: readonly Column[] = ['sku', 'price', 'currency'];

export const MAX_ROWS = 50_000;
export const MAX_BYTES = 20 * 1024 * 1024;

export const NOT_UTF8 = 'The file is not UTF-8 text';

/**
 * The text of an uploaded file, or null when it is not UTF-8 (or holds NUL
 * bytes, which no CSV has and PostgreSQL text cannot store). A BOM is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\u0000') ? null : text;
}

/** A file-level refusal: the job fails with this message and nothing changes. */
export class FileRefused extends Error {}

export interface CsvRecord {
  /** 1-based data row (the header is row 0). */
  row: number;
  /** Cells by column; undefined when the file has no such column. */
  cells: Partial<Record<Column, string>>;
  /** Set when the row has a different number of fields than the header. */
  fieldCountMismatch?: { expected: number; found: number };
}

/** Header names: trimmed, case-insensitive. */
function readHeader(fields: string[]): Column[] {
  const names = fields.map((field) => field.trim().toLowerCase());
  const known = new Set<string>(COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length)
    throw new FileRefused(
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `"${n}"`).join(', ')}. ` +
        `The columns are: ${COLUMNS.join(', ')}.`,
    );
  const seen = new Set<string>();
  const duplicates = names.filter((name) => seen.size === seen.add(name).size);
  if (duplicates.length)
    throw new FileRefused(`Column "${duplicates[0]}" appears more than once in the header.`);
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length)
    throw new FileRefused(
      `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (required in the header row).`,
    );
  return names as Column[];
}

/**
 * Streams the records of a CSV text through an RFC 4180 parser. Refuses the
 * file (FileRefused) for an empty file, a bad header, broken quoting or more
 * than MAX_ROWS rows; a row with a wrong field count is flagged, not refused.
 */
export async function* readCsv(text: string): AsyncGenerator<CsvRecord> {
  const parser = Readable.from([text], { objectMode: false }).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  let header: Column[] | null = null;
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = readHeader(fields);
        continue;
      }
      // Rows of empty cells (",,,," that spreadsheets leave at the end) are blank lines.
      if (fields.every((field) => !field.trim())) continue;
      row += 1;
      if (row > MAX_ROWS)
        throw new FileRefused(`The file has more than ${MAX_ROWS.toLocaleString('en')} rows.`);
      const cells: Partial<Record<Column, string>> = {};
      header.forEach((column, index) => {
        cells[column] = fields[index] ?? '';
      });
      yield fields.length === header.length
        ? { row, cells }
        : { row, cells, fieldCountMismatch: { expected: header.length, found: fields.length } };
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof FileRefused) throw error;
    const csvError = error as CsvError;
    if (typeof csvError.code === 'string' && csvError.code.startsWith('CSV_'))
      throw new FileRefused(`The file is not valid CSV: ${csvError.message}`);
    throw error;
  }
  if (!header)
    throw new FileRefused('The file is empty: it needs a header row naming the columns.');
}

/** One CSV field, quoted when it needs to be (RFC 4180). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

// ---- Lists inside a cell: "a; b" and "key=value; key=value". A backslash
// escapes ";", "=" and itself, so any text survives export and re-import.

function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
const escape = (text: string) => text.replace(/[\\;=]/g, (char) => `\\${char}`);

/** "a; b; ; c" -> ["a", "b", "c"]. */
export function parseList(cell: string): string[] {
  return splitEscaped(cell, ';')
    .map((part) => unescape(part.trim()))
    .filter(Boolean);
}

export function formatList(values: readonly string[]): string {
  return values.map(escape).join('; ');
}

/** "k=v; k2=v2" -> pairs; null when an entry has no "=" or an empty key. */
export function parsePairs(cell: string): [string, string][] | null {
  const pairs: [string, string][] = [];
  for (const part of splitEscaped(cell, ';')) {
    if (!part.trim()) continue;
    const [key, ...rest] = splitEscaped(part, '=');
    if (rest.length === 0) return null;
    const name = unescape(key!.trim());
    if (!name) return null;
    pairs.push([name, unescape(rest.join('=').trim())]);
  }
  return pairs;
}

export function formatPairs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${escape(key)}=${escape(value)}`).join('; ');
}
