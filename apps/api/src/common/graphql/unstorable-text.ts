// Text PostgreSQL cannot store: U+0000 (in text and jsonb) and lone UTF-16
// surrogates (jsonb refuses their \ud800 escapes). Either one in an argument
// would make the database throw (a 500) wherever the value is stored, audited
// or compared, so every root field refuses it up front as bad input (access.ts).
import { BadInputError } from '../errors/errors.js';

// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Dotted paths ("input.lines.2.note") of the strings in `value` PostgreSQL cannot store. */
export function unstorableTextPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableTextPaths(item, join(path, String(index))));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) =>
      unstorableTextPaths(item, join(path, key)),
    );
  return [];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function assertStorableText(args: Record<string, unknown>): void {
  const paths = unstorableTextPaths(args);
  if (paths.length)
    throw new BadInputError(
      'Text may not contain NUL characters (U+0000) or unpaired surrogates.',
      paths.map((field) => ({ field, message: 'Remove the invalid character.' })),
    );
}
