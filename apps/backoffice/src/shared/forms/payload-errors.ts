import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * One expected failure of a mutation (DESIGN.md convention 3): every mutation
 * returns `<Name>Payload { <entity>, errors: [{ code, field, message }] }`,
 * `field` being the dotted path of the input at fault ("email",
 * "lines.2.quantity") or null.
 */
export interface PayloadError {
  code: string;
  field?: string | null;
  message: string;
}

export interface MappedErrors {
  /** Message per form path (several messages for one field are joined). */
  fieldErrors: Record<string, string>;
  /**
   * Errors naming no field, or a field this form does not show: they go in the
   * form-level alert, so no error is ever silently dropped.
   */
  formErrors: PayloadError[];
}

export interface MapOptions {
  /** Does the form show this path? */
  hasField: (path: string) => boolean;
  /** API path -> form path, when the form names a field differently. */
  fieldMap?: Readonly<Record<string, string>>;
}

/** Where a payload error belongs in the form: its own path, a renamed one, or the path without the `input.` argument prefix. */
function formPathOf(field: string, { hasField, fieldMap }: MapOptions): string | null {
  const candidates = [
    fieldMap?.[field],
    field,
    field.startsWith('input.') ? field.slice('input.'.length) : undefined,
  ];
  for (const candidate of candidates) {
    if (candidate && hasField(candidate)) return candidate;
  }
  return null;
}

export function mapPayloadErrors(
  errors: readonly PayloadError[],
  options: MapOptions,
): MappedErrors {
  const fieldErrors: Record<string, string> = {};
  const formErrors: PayloadError[] = [];
  for (const error of errors) {
    const path = error.field ? formPathOf(error.field, options) : null;
    if (path === null) {
      formErrors.push(error);
      continue;
    }
    fieldErrors[path] = fieldErrors[path] ? `${fieldErrors[path]} ${error.message}` : error.message;
  }
  return { fieldErrors, formErrors };
}

/** True when `path` ("lines.0.quantity") names an existing key inside `values`. */
export function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * The API's shape validation throws BAD_USER_INPUT with
 * `extensions.fields: [{ field, message }]`; this turns it into payload
 * errors so forms show them the same way. Null for any other error.
 */
export function payloadErrorsFromGraphQLError(error: unknown): PayloadError[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const bad = error.errors.filter((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
  if (bad.length === 0) return null;
  return bad.flatMap((e): PayloadError[] => {
    const fields = e.extensions?.['fields'];
    if (!Array.isArray(fields) || fields.length === 0)
      return [{ code: 'BAD_USER_INPUT', field: null, message: e.message }];
    return fields
      .filter(
        (f): f is { field: string; message: string } =>
          typeof f?.field === 'string' && typeof f?.message === 'string',
      )
      .map((f) => ({ code: 'BAD_USER_INPUT', field: f.field, message: f.message }));
  });
}
