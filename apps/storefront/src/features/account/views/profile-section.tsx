import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ProfileUpdateDocument, type ProfileFormUserFragment } from '../../../generated/account';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { ProfileForm, type ProfileValues } from '../components/profile-form';

const FIELDS = ['name', 'avatarUrl'] as const;

/** Saves name and picture; the header and every cached copy of the user follow. */
export function ProfileSection({ user }: { user: ProfileFormUserFragment }) {
  const [updateProfile, { loading }] = useMutation(ProfileUpdateDocument);
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS);
  const [saved, setSaved] = useState(false);

  async function onSubmit(input: ProfileValues) {
    setSaved(false);
    try {
      const { data } = await updateProfile({ variables: { input } });
      setSaved(!show(data?.profileUpdate.errors ?? []));
    } catch (error) {
      showRequestError(error);
    }
  }

  return (
    <ProfileForm
      user={user}
      onSubmit={onSubmit}
      pending={loading}
      saved={saved}
      formRef={formRef}
      fieldErrors={fieldErrors}
      formErrors={formErrors}
    />
  );
}
