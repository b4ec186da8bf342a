import type { FormErrors as MantineFormErrors } from '@mantine/form';
import { useCallback, useState } from 'react';

import { describeError } from '../feedback/describe-error';
import {
  hasPath,
  mapPayloadErrors,
  payloadErrorsFromGraphQLError,
  type PayloadError,
} from './payload-errors';

/** The part of a Mantine `useForm` result this helper needs. */
export interface FormWithErrors {
  getValues: () => unknown;
  setErrors: (errors: MantineFormErrors) => void;
  clearErrors: () => void;
}

/**
 * Shows a mutation's outcome on a Mantine form: payload errors next to the
 * field they name, the rest in `formErrors` for <FormErrors>.
 *
 *   const { formErrors, apply, applyThrown } = useFieldErrors(form);
 *   const submit = form.onSubmit(async (values) => {
 *     try {
 *       const { data } = await userCreate({ variables: { input: values } });
 *       if (apply(data?.userCreate.errors ?? [])) return;
 *       toast.success('User created.');
 *     } catch (error) {
 *       applyThrown(error);
 *     }
 *   });
 */
export function useFieldErrors(
  form: FormWithErrors,
  options: { fieldMap?: Readonly<Record<string, string>> } = {},
) {
  const [formErrors, setFormErrors] = useState<PayloadError[]>([]);
  const { fieldMap } = options;

  /** Shows these errors (replacing earlier ones); returns true when there were any. */
  const apply = useCallback(
    (errors: readonly PayloadError[]): boolean => {
      const values = form.getValues();
      const mapped = mapPayloadErrors(errors, {
        hasField: (path) => hasPath(values, path),
        fieldMap,
      });
      form.setErrors(mapped.fieldErrors);
      setFormErrors(mapped.formErrors);
      return errors.length > 0;
    },
    [form, fieldMap],
  );

  /** For a thrown error: BAD_USER_INPUT goes to the fields, anything else to the form-level alert. */
  const applyThrown = useCallback(
    (error: unknown): void => {
      const fromInput = payloadErrorsFromGraphQLError(error);
      if (fromInput) {
        apply(fromInput);
        return;
      }
      form.clearErrors();
      setFormErrors([{ code: 'UNEXPECTED', field: null, message: describeError(error) }]);
    },
    [apply, form],
  );

  const clear = useCallback(() => {
    form.clearErrors();
    setFormErrors([]);
  }, [form]);

  return { formErrors, apply, applyThrown, clear };
}
