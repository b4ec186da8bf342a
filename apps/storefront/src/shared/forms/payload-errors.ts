/** One entry of a mutation payload's `errors` (every payload has the same shape). */
export interface PayloadError {
  code: string;
  /** The input field the error is about, e.g. "email"; null for the whole form. */
  field: string | null;
  message: string;
}

export interface SplitErrors<F extends string> {
  /** Shown next to the field they name. */
  fields: Partial<Record<F, string>>;
  /** Shown at the top of the form: no field, or a field this form does not show. */
  form: string[];
}

/** Sorts a payload's errors between the form's fields and its top. */
export function splitPayloadErrors<F extends string>(
  errors: readonly PayloadError[],
  formFields: readonly F[],
  messages: Partial<Record<string, string>> = {},
): SplitErrors<F> {
  const result: SplitErrors<F> = { fields: {}, form: [] };
  for (const error of errors) {
    const message = messages[error.code] ?? error.message;
    const field = formFields.find((name) => name === error.field);
    if (field) {
      const previous = result.fields[field];
      result.fields[field] = previous ? `${previous} ${message}` : message;
    } else {
      result.form.push(message);
    }
  }
  return result;
}
