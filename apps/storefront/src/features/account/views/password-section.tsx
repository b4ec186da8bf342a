import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { PasswordChangeDocument, type PasswordFormUserFragment } from '../../../generated/account';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { PasswordForm, type PasswordValues } from '../components/password-form';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function PasswordSection({ user }: { user: PasswordFormUserFragment }) {
  const [changePassword, { loading }] = useMutation(PasswordChangeDocument);
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS);
  const [changed, setChanged] = useState(false);

  async function onSubmit(input: PasswordValues): Promise<boolean> {
    setChanged(false);
    try {
      const { data } = await changePassword({ variables: { input } });
      const ok = !show(data?.passwordChange.errors ?? []);
      setChanged(ok);
      return ok;
    } catch (error) {
      showRequestError(error);
      return false;
    }
  }

  return (
    <PasswordForm
      user={user}
      onSubmit={onSubmit}
      pending={loading}
      changed={changed}
      formRef={formRef}
      fieldErrors={fieldErrors}
      formErrors={formErrors}
    />
  );
}
