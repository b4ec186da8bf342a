import type { ErrorLike } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { describeApiError } from '../errors/describe-api-error';
import { splitPayloadErrors, type PayloadError, type SplitErrors } from './payload-errors';

/**
 * The errors a mutation form shows: the payload's, each beside its field or at the
 * top, or why the request failed. After field errors arrive, focus moves to the
 * first invalid field (its error is read with it); the top alert announces itself.
 */
export function useFormErrors<F extends string>(
  fields: readonly F[],
  messages?: Partial<Record<string, string>>,
) {
  const [errors, setErrors] = useState<SplitErrors<F>>(() => ({ fields: {}, form: [] }));
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useRef(false);

  useEffect(() => {
    if (!focusFirstInvalid.current) return;
    focusFirstInvalid.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  return {
    formRef,
    fieldErrors: errors.fields,
    formErrors: errors.form,
    clear: () => setErrors({ fields: {}, form: [] }),
    /** The payload's `errors`; returns whether there were any. */
    show(payloadErrors: readonly PayloadError[]): boolean {
      focusFirstInvalid.current = true;
      setErrors(splitPayloadErrors(payloadErrors, fields, messages));
      return payloadErrors.length > 0;
    },
    /** The request itself failed (network, server error). */
    showRequestError(error: unknown) {
      const message =
        describeApiError(error as ErrorLike) ?? 'The shop could not be reached. Try again.';
      setErrors({ fields: {}, form: [message] });
    },
  };
}
