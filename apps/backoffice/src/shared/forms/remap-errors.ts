import type { PayloadError } from './payload-errors';

/**
 * Renames the `field` of payload errors from the API's input paths to the
 * form's paths, for forms whose values are shaped differently from the input
 * (translations kept per locale, attributes by key, rows left out when
 * empty). `fieldMap` is built while the input is assembled:
 *
 *   'attributes.0'    -> 'attributes.fit'   an exact path
 *   'attributes.0.*'  -> 'attributes.fit'   anything below it ("attributes.0.value")
 *
 * An exact entry wins; otherwise the longest matching `.*` entry. The `input.`
 * argument prefix is ignored. Unmapped paths are kept as they are.
 */
export function remapErrorFields<E extends PayloadError>(
  errors: readonly E[],
  fieldMap: Readonly<Record<string, string>>,
): E[] {
  return errors.map((error) => {
    if (!error.field) return error;
    const path = error.field.startsWith('input.')
      ? error.field.slice('input.'.length)
      : error.field;
    const exact = fieldMap[path];
    if (exact !== undefined) return { ...error, field: exact };
    const parts = path.split('.');
    for (let length = parts.length - 1; length > 0; length -= 1) {
      const below = fieldMap[`${parts.slice(0, length).join('.')}.*`];
      if (below !== undefined) return { ...error, field: below };
    }
    return error.field === path ? error : { ...error, field: path };
  });
}
