// PostgreSQL text and jsonb cannot hold U+0000: a NUL anywhere in an argument
// would make the database throw (a 500) wherever the value is stored or
// compared. Every root field refuses it up front as bad input (see access.ts).
import { BadInputError } from '../errors/errors.js';

/** Dotted paths ("input.lines.2.note") of the strings in `value` that contain U+0000. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nulCharacterPaths(item, join(path, String(index))));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) => nulCharacterPaths(item, join(path, key)));
  return [];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function assertNoNulCharacters(args: Record<string, unknown>): void {
  const paths = nulCharacterPaths(args);
  if (paths.length)
    throw new BadInputError(
      'Text may not contain NUL characters (U+0000).',
      paths.map((field) => ({ field, message: 'Remove the NUL character.' })),
    );
}
