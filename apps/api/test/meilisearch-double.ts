// A local stand-in for a Meilisearch server (none is installable here): an
// HTTP server implementing exactly the endpoints the Meilisearch engine calls
// (search.meilisearch.ts), over in-memory indexes, with Meilisearch's
// semantics in the subset used: tasks that finish asynchronously, settings
// that gate filters/sorts/facets, typo tolerance (one typo from 5 letters, two
// from 9; a swap of neighbours is one typo), prefix search on the last word,
// synonyms, the filter grammar (=, !=, >, >=, <, <=, IN [...], AND, OR,
// parentheses), facet distributions and both pagination modes. Anything else
// answers 501, so a new call in the adapter fails its test until added here.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { editDistance, words } from '../src/modules/search/search.text.js';

type Doc = Record<string, unknown>;

interface Settings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  synonyms: Record<string, string[]>;
  typoTolerance: { enabled: boolean; minWordSizeForTypos: { oneTypo: number; twoTypos: number } };
  pagination: { maxTotalHits: number };
  faceting: { maxValuesPerFacet: number };
}

interface Index {
  primaryKey: string | null;
  documents: Map<string, Doc>;
  settings: Settings;
}

interface Task {
  uid: number;
  indexUid: string | null;
  status: 'enqueued' | 'succeeded' | 'failed';
  type: string;
  error: { message: string; code: string; type: string; link: string } | null;
  enqueuedAt: string;
  finishedAt: string | null;
}

class MeiliError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MeilisearchDouble {
  url: string;
  apiKey: string;
  /** Every request seen, as "METHOD /path". */
  requests: string[];
  /** Documents of an index, by id. */
  documents(indexUid: string): Map<string, Doc>;
  settings(indexUid: string): Settings | undefined;
  close(): Promise<void>;
}

function defaultSettings(): Settings {
  return {
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms: {},
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 1000 },
    faceting: { maxValuesPerFacet: 100 },
  };
}

export async function startMeilisearchDouble(
  apiKey = 'double-master-key',
): Promise<MeilisearchDouble> {
  const indexes = new Map<string, Index>();
  const tasks = new Map<number, Task>();
  const requests: string[] = [];
  let nextTask = 0;

  const indexOf = (uid: string): Index => {
    let index = indexes.get(uid);
    if (!index) {
      index = { primaryKey: null, documents: new Map(), settings: defaultSettings() };
      indexes.set(uid, index);
    }
    return index;
  };

  /** Queues an operation; like Meilisearch, it is applied a moment later. */
  const enqueue = (indexUid: string, type: string, apply: () => void) => {
    const task: Task = {
      uid: nextTask++,
      indexUid,
      status: 'enqueued',
      type,
      error: null,
      enqueuedAt: new Date().toISOString(),
      finishedAt: null,
    };
    tasks.set(task.uid, task);
    setTimeout(() => {
      try {
        apply();
        task.status = 'succeeded';
      } catch (error) {
        task.status = 'failed';
        const e = error as MeiliError;
        task.error = {
          message: e.message,
          code: e.code ?? 'internal',
          type: 'invalid_request',
          link: '',
        };
      }
      task.finishedAt = new Date().toISOString();
    }, 5);
    return {
      taskUid: task.uid,
      indexUid,
      status: 'enqueued',
      type,
      enqueuedAt: task.enqueuedAt,
    };
  };

  async function route(method: string, path: string, query: URLSearchParams, body: unknown) {
    let match: RegExpMatchArray | null;
    if (method === 'GET' && path === '/health') return { status: 'available' };
    if (method === 'GET' && (match = path.match(/^\/tasks\/(\d+)$/))) {
      const task = tasks.get(Number(match[1]));
      if (!task) throw new MeiliError(404, 'task_not_found', `Task \`${match[1]}\` not found.`);
      return task;
    }
    if (method === 'POST' && path === '/multi-search') {
      const queries = (body as { queries: (Doc & { indexUid: string })[] }).queries;
      return {
        results: queries.map(({ indexUid, ...params }) => ({
          indexUid,
          ...search(indexes.get(indexUid), indexUid, params),
        })),
      };
    }
    if ((match = path.match(/^\/indexes\/([A-Za-z0-9_-]+)(\/.*)?$/))) {
      const uid = match[1]!;
      const rest = match[2] ?? '';
      if (method === 'POST' && rest === '/search')
        return search(indexes.get(uid), uid, body as Doc);
      if (method === 'PATCH' && rest === '/settings') {
        const patch = body as Partial<Settings>;
        return enqueue(uid, 'settingsUpdate', () => {
          const index = indexOf(uid);
          index.settings = {
            ...index.settings,
            ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
          } as Settings;
        });
      }
      if (method === 'POST' && rest === '/documents') {
        if (!Array.isArray(body))
          throw new MeiliError(400, 'malformed_payload', 'Expected an array.');
        const primaryKey = query.get('primaryKey');
        return enqueue(uid, 'documentAdditionOrUpdate', () => {
          const index = indexOf(uid);
          index.primaryKey ??= primaryKey ?? 'id';
          for (const document of body as Doc[]) {
            const id = document[index.primaryKey];
            if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,511}$/.test(id))
              throw new MeiliError(
                400,
                'invalid_document_id',
                `Document identifier \`${String(id)}\` is invalid.`,
              );
            // Replace, like POST /documents (PUT would merge).
            index.documents.set(id, structuredClone(document));
          }
        });
      }
      if (method === 'POST' && rest === '/documents/delete-batch') {
        return enqueue(uid, 'documentDeletion', () => {
          for (const id of body as unknown[]) indexOf(uid).documents.delete(String(id));
        });
      }
      if (method === 'DELETE' && rest === '/documents') {
        return enqueue(uid, 'documentDeletion', () => indexOf(uid).documents.clear());
      }
    }
    throw new MeiliError(
      501,
      'not_implemented',
      `The double does not implement ${method} ${path}.`,
    );
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://double');
      requests.push(`${request.method} ${url.pathname}`);
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        send(401, {
          message: 'The provided API key is invalid.',
          code: 'invalid_api_key',
          type: 'auth',
          link: '',
        });
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      Promise.resolve()
        .then(() =>
          route(
            request.method ?? 'GET',
            url.pathname,
            url.searchParams,
            text ? JSON.parse(text) : undefined,
          ),
        )
        .then(
          (payload) =>
            send(
              typeof payload === 'object' && payload && 'taskUid' in payload ? 202 : 200,
              payload,
            ),
          (error: unknown) => {
            const e =
              error instanceof MeiliError ? error : new MeiliError(500, 'internal', String(error));
            send(e.status, { message: e.message, code: e.code, type: 'invalid_request', link: '' });
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    documents: (uid) => indexes.get(uid)?.documents ?? new Map(),
    settings: (uid) => indexes.get(uid)?.settings,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

// ---------------------------------------------------------------------------
// Search

interface Match {
  doc: Doc;
  typos: number;
  attribute: number;
  order: number;
}

function search(index: Index | undefined, uid: string, params: Doc) {
  if (!index) throw new MeiliError(404, 'index_not_found', `Index \`${uid}\` not found.`);
  const settings = index.settings;
  const q = typeof params['q'] === 'string' ? params['q'] : '';
  const searchable =
    (params['attributesToSearchOn'] as string[] | undefined) ??
    (settings.searchableAttributes[0] === '*' ? null : settings.searchableAttributes);
  const filter = params['filter'] as string | (string | string[])[] | undefined;
  const sort = (params['sort'] as string[] | undefined) ?? [];
  const facets = params['facets'] as string[] | undefined;
  const strategy = (params['matchingStrategy'] as string | undefined) ?? 'last';

  for (const spec of sort) {
    const [field] = spec.split(':');
    if (!settings.sortableAttributes.includes(field!))
      throw new MeiliError(400, 'invalid_search_sort', `Attribute \`${field}\` is not sortable.`);
  }
  for (const field of facets ?? [])
    if (!settings.filterableAttributes.includes(field))
      throw new MeiliError(
        400,
        'invalid_search_facets',
        `Attribute \`${field}\` is not filterable.`,
      );
  const predicate = compileFilter(filter, settings.filterableAttributes);

  const candidates = [...index.documents.values()].filter(predicate);
  const tokens = words(q);
  const prefixLast = q.length > 0 && !/\s$/.test(q);
  let matches: Match[] = [];
  if (tokens.length === 0) {
    matches = candidates.map((doc, order) => ({ doc, typos: 0, attribute: 0, order }));
  } else {
    // "all": every word must match; "last": drop words from the end until something matches.
    for (let n = tokens.length; n >= 1; n--) {
      const used = tokens.slice(0, n);
      matches = candidates.flatMap((doc, order) => {
        const result = matchDocument(
          doc,
          used,
          prefixLast && n === tokens.length,
          searchable,
          settings,
        );
        return result ? [{ doc, ...result, order }] : [];
      });
      if (matches.length || strategy === 'all') break;
    }
  }

  const sortFirst = settings.rankingRules.indexOf('sort') === 0;
  const bySort = (a: Match, b: Match) => {
    for (const spec of sort) {
      const [field, direction] = spec.split(':') as [string, string];
      const x = a.doc[field];
      const y = b.doc[field];
      const missingX = x === undefined || x === null;
      const missingY = y === undefined || y === null;
      if (missingX || missingY) {
        if (missingX !== missingY) return missingX ? 1 : -1; // missing last, either direction
        continue;
      }
      const order = (x as number | string) < (y as number | string) ? -1 : x === y ? 0 : 1;
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  };
  const byRelevance = (a: Match, b: Match) => a.typos - b.typos || a.attribute - b.attribute;
  matches.sort((a, b) =>
    sortFirst
      ? bySort(a, b) || byRelevance(a, b) || a.order - b.order
      : byRelevance(a, b) || bySort(a, b) || a.order - b.order,
  );

  const capped = matches.slice(0, settings.pagination.maxTotalHits);
  const retrieve = params['attributesToRetrieve'] as string[] | undefined;
  const project = (doc: Doc) =>
    !retrieve || retrieve.includes('*')
      ? doc
      : Object.fromEntries(retrieve.filter((key) => key in doc).map((key) => [key, doc[key]]));

  const response: Doc = { query: q, processingTimeMs: 0 };
  if (params['page'] !== undefined || params['hitsPerPage'] !== undefined) {
    const hitsPerPage = Number(params['hitsPerPage'] ?? 20);
    const page = Number(params['page'] ?? 1);
    response['hits'] = capped
      .slice((page - 1) * hitsPerPage, page * hitsPerPage)
      .map((m) => project(m.doc));
    Object.assign(response, {
      page,
      hitsPerPage,
      totalHits: capped.length,
      totalPages: hitsPerPage ? Math.ceil(capped.length / hitsPerPage) : 0,
    });
  } else {
    const offset = Number(params['offset'] ?? 0);
    const limit = Number(params['limit'] ?? 20);
    response['hits'] = capped.slice(offset, offset + limit).map((m) => project(m.doc));
    Object.assign(response, { offset, limit, estimatedTotalHits: capped.length });
  }
  if (facets) {
    const distribution: Record<string, Record<string, number>> = {};
    for (const field of facets) {
      const counts: Record<string, number> = {};
      for (const { doc } of matches) {
        const value = doc[field];
        const values = new Set(
          (Array.isArray(value) ? value : [value])
            .filter((v) => v !== undefined && v !== null)
            .map(String),
        );
        for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
      }
      distribution[field] = Object.fromEntries(
        Object.entries(counts)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .slice(0, settings.faceting.maxValuesPerFacet),
      );
    }
    response['facetDistribution'] = distribution;
  }
  return response;
}

/** The fewest typos with which every query word matches, and the best attribute; null when one does not. */
function matchDocument(
  doc: Doc,
  tokens: string[],
  prefixLast: boolean,
  searchable: string[] | null,
  settings: Settings,
): { typos: number; attribute: number } | null {
  const fields = searchable ?? Object.keys(doc);
  const attributeWords = fields.map((field) => {
    const value = doc[field];
    const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    return new Set(words(text));
  });
  let typos = 0;
  let attribute = Infinity;
  for (const [i, token] of tokens.entries()) {
    const prefix = prefixLast && i === tokens.length - 1;
    const alternatives = [token, ...(settings.synonyms[token] ?? []).map((s) => words(s))].map(
      (a) => (Array.isArray(a) ? a : [a]),
    );
    let best: { typos: number; attribute: number } | null = null;
    for (const [a, present] of attributeWords.entries()) {
      for (const alternative of alternatives) {
        const cost = alternativeCost(alternative, present, prefix, settings);
        if (
          cost !== null &&
          (!best || cost < best.typos || (cost === best.typos && a < best.attribute))
        )
          best = { typos: cost, attribute: a };
      }
    }
    if (!best) return null;
    typos += best.typos;
    attribute = Math.min(attribute, best.attribute);
  }
  return { typos, attribute };
}

function alternativeCost(
  phrase: string[],
  present: Set<string>,
  prefix: boolean,
  settings: Settings,
): number | null {
  let total = 0;
  for (const word of phrase) {
    let best: number | null = null;
    for (const candidate of present) {
      if (candidate === word || (prefix && phrase.length === 1 && candidate.startsWith(word))) {
        best = 0;
        break;
      }
      const budget = !settings.typoTolerance.enabled
        ? 0
        : word.length >= settings.typoTolerance.minWordSizeForTypos.twoTypos
          ? 2
          : word.length >= settings.typoTolerance.minWordSizeForTypos.oneTypo
            ? 1
            : 0;
      if (budget === 0) continue;
      // Meilisearch counts the first letter wrong as two typos; keep it simple: it must match.
      if (candidate[0] !== word[0]) continue;
      const distance = editDistance(word, candidate, budget);
      if (distance <= budget && (best === null || distance < best)) best = distance;
    }
    if (best === null) return null;
    total += best;
  }
  return total;
}

// ---------------------------------------------------------------------------
// Filters

type Token = { kind: 'word' | 'string' | 'number' | 'op' | 'punct'; value: string };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)(?![\w-])|(>=|<=|!=|=|>|<)|([[\](),])|([A-Za-z_][\w.-]*))/y;
  const rest = expression.trim();
  let position = 0;
  while (position < rest.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(rest);
    if (!match)
      throw new MeiliError(
        400,
        'invalid_search_filter',
        `Cannot parse filter near \`${rest.slice(position)}\`.`,
      );
    position = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'string', value: JSON.parse(match[1]) as string });
    else if (match[2]) tokens.push({ kind: 'number', value: match[2] });
    else if (match[3]) tokens.push({ kind: 'op', value: match[3] });
    else if (match[4]) tokens.push({ kind: 'punct', value: match[4] });
    else if (match[5]) tokens.push({ kind: 'word', value: match[5] });
  }
  return tokens;
}

type Predicate = (doc: Doc) => boolean;

function compileFilter(
  filter: string | (string | string[])[] | undefined,
  filterable: string[],
): Predicate {
  if (filter === undefined || filter === '') return () => true;
  const parts = Array.isArray(filter) ? filter : [filter];
  const predicates = parts.map((part) =>
    Array.isArray(part)
      ? (
          (docs: Predicate[]) => (doc: Doc) =>
            docs.some((p) => p(doc))
        )(part.map((p) => parseExpression(p, filterable)))
      : parseExpression(part, filterable),
  );
  return (doc) => predicates.every((p) => p(doc));
}

function parseExpression(expression: string, filterable: string[]): Predicate {
  const tokens = tokenize(expression);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const token = tokens[i++];
    if (!token)
      throw new MeiliError(
        400,
        'invalid_search_filter',
        `Filter \`${expression}\` ends too early.`,
      );
    return token;
  };
  const isWord = (value: string) =>
    peek()?.kind === 'word' && peek()!.value.toUpperCase() === value;

  const value = (): string => {
    const token = next();
    if (token.kind === 'string' || token.kind === 'number' || token.kind === 'word')
      return token.value;
    throw new MeiliError(400, 'invalid_search_filter', `Expected a value in \`${expression}\`.`);
  };
  const comparison = (): Predicate => {
    if (peek()?.value === '(') {
      next();
      const inner = or();
      if (next().value !== ')') throw new MeiliError(400, 'invalid_search_filter', 'Missing `)`.');
      return inner;
    }
    if (isWord('NOT')) {
      next();
      const inner = comparison();
      return (doc) => !inner(doc);
    }
    const field = next();
    if (field.kind !== 'word')
      throw new MeiliError(400, 'invalid_search_filter', `Expected a field in \`${expression}\`.`);
    if (!filterable.includes(field.value))
      throw new MeiliError(
        400,
        'invalid_search_filter',
        `Attribute \`${field.value}\` is not filterable. Available filterable attributes are: \`${filterable.join(', ')}\`.`,
      );
    const values = (doc: Doc): unknown[] => {
      const v = doc[field.value];
      return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    };
    if (isWord('IN')) {
      next();
      if (next().value !== '[') throw new MeiliError(400, 'invalid_search_filter', 'Expected `[`.');
      const list: string[] = [];
      while (peek()?.value !== ']') {
        list.push(value());
        if (peek()?.value === ',') next();
      }
      next();
      return (doc) => values(doc).some((v) => list.includes(String(v)));
    }
    const op = next();
    if (op.kind !== 'op')
      throw new MeiliError(
        400,
        'invalid_search_filter',
        `Expected an operator in \`${expression}\`.`,
      );
    const expected = value();
    const numeric = Number(expected);
    return (doc) =>
      values(doc).some((v) => {
        if (op.value === '=') return String(v) === expected;
        if (op.value === '!=') return String(v) !== expected;
        if (typeof v !== 'number' || Number.isNaN(numeric)) return false;
        if (op.value === '>') return v > numeric;
        if (op.value === '>=') return v >= numeric;
        if (op.value === '<') return v < numeric;
        return v <= numeric;
      });
  };
  const and = (): Predicate => {
    const parts = [comparison()];
    while (isWord('AND')) {
      next();
      parts.push(comparison());
    }
    return (doc) => parts.every((p) => p(doc));
  };
  const or = (): Predicate => {
    const parts = [and()];
    while (isWord('OR')) {
      next();
      parts.push(and());
    }
    return (doc) => parts.some((p) => p(doc));
  };
  const predicate = or();
  if (i < tokens.length)
    throw new MeiliError(
      400,
      'invalid_search_filter',
      `Unexpected \`${tokens[i]!.value}\` in \`${expression}\`.`,
    );
  return predicate;
}
