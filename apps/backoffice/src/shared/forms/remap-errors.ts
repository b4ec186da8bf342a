import type { PayloadError } from './payload-errors';

/**
 * Renames the `field` of payload errors from the API's input paths to the
 * form's paths, for forms whose values are shaped differently from the input
 * (translations kept per locale, attributes by key, rows left out when
 * empty). `fieldMap` is built while the input is assembled; a path that is not
 * mapped itself is looked up by its longest mapped prefix
 * ("variants.1.optionValues.0.value" via "variants.1.optionValues.0"). The
 * `input.` argument prefix is ignored. Unmapped paths are kept as they are.
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
    const parts = path.split('.');
    for (let length = parts.length; length > 0; length -= 1) {
      const prefix = parts.slice(0, length).join('.');
      const mapped = fieldMap[prefix];
      if (mapped !== undefined) return { ...error, field: mapped };
    }
    return error.field === path ? error : { ...error, field: path };
  });
}
