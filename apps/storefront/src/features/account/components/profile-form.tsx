import { useState, type FormEvent, type RefObject } from 'react';
import type { ProfileFormUserFragment } from '../../../generated/account';
import { TextField } from '../../../shared/forms/field';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import formStyles from '../../../shared/forms/form.module.css';
import { Avatar } from '../../../shared/ui/avatar';
import styles from './account.module.css';

export interface ProfileValues {
  name: string;
  avatarUrl: string | null;
}

export interface ProfileFormProps {
  user: ProfileFormUserFragment;
  onSubmit: (values: ProfileValues) => void;
  pending: boolean;
  saved: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  fieldErrors: Partial<Record<'name' | 'avatarUrl', string>>;
  formErrors: readonly string[];
}

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Name and picture (a web address), with a live preview of the picture. */
export function ProfileForm({
  user,
  onSubmit,
  pending,
  saved,
  formRef,
  fieldErrors,
  formErrors,
}: ProfileFormProps) {
  const [name, setName] = useState(user.name);
  const [avatarUrl, setAvatarUrl] = useState(user.avatarUrl ?? '');
  const preview = avatarUrl.trim();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ name: name.trim(), avatarUrl: preview || null });
  }

  return (
    <form ref={formRef} className={formStyles.form} onSubmit={submit}>
      <FormAlert errors={formErrors} />
      <div className={styles.profileRow}>
        <figure className={styles.preview}>
          <Avatar name={name || user.name} url={WEB_ADDRESS.test(preview) ? preview : null} />
          <figcaption className="visually-hidden">Preview of your picture</figcaption>
        </figure>
        <div className={styles.profileFields}>
          <TextField
            label="Name"
            name="name"
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors.name}
          />
          <TextField
            label="Picture"
            name="avatarUrl"
            type="url"
            inputMode="url"
            autoComplete="photo"
            placeholder="https://"
            hint="The web address of an image; shown on your public profile."
            value={avatarUrl}
            onChange={(event) => setAvatarUrl(event.target.value)}
            error={fieldErrors.avatarUrl}
          />
        </div>
      </div>
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} pendingLabel="Saving your profile…">
          Save profile
        </SubmitButton>
      </div>
      <FormSuccess>{saved ? <p>Your profile is saved.</p> : null}</FormSuccess>
    </form>
  );
}
