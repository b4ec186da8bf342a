import { useState, type FormEvent, type RefObject } from 'react';
import type { SellerCreateInput } from '../../../generated/account';
import { TextAreaField, TextField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import formStyles from '../../../shared/forms/form.module.css';
import type { ShopField } from './shop-fields';
import { slugify } from './slug';

export interface ShopFormProps {
  onSubmit: (input: SellerCreateInput) => void;
  pending: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  fieldErrors: Partial<Record<ShopField, string>>;
  formErrors: readonly string[];
}

/** A new shop. Its web name follows its name until edited by hand. */
export function ShopForm({ onSubmit, pending, formRef, fieldErrors, formErrors }: ShopFormProps) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const optional = (field: ShopField) => String(values.get(field) ?? '').trim() || null;
    onSubmit({
      name: name.trim(),
      slug: slug.trim(),
      description: optional('description'),
      contactEmail: optional('contactEmail'),
      contactPhone: optional('contactPhone'),
      logoUrl: optional('logoUrl'),
    });
  }

  return (
    <form ref={formRef} className={formStyles.form} onSubmit={submit}>
      <FormAlert errors={formErrors} />
      <TextField
        label="Shop name"
        name="name"
        autoComplete="organization"
        required
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          if (!slugEdited) setSlug(slugify(event.target.value));
        }}
        error={fieldErrors.name}
      />
      <TextField
        label="Web name"
        name="slug"
        autoComplete="off"
        spellCheck={false}
        required
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        hint="Your shop's name in its web address: lowercase letters, digits and hyphens."
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          // Emptied: suggest from the name again.
          setSlugEdited(event.target.value !== '');
        }}
        error={fieldErrors.slug}
      />
      <TextAreaField
        label="Description"
        name="description"
        hint="What you sell, in a few sentences."
        error={fieldErrors.description}
      />
      <TextField
        label="Contact e-mail"
        name="contactEmail"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        hint="Shown to shoppers on your shop's page."
        error={fieldErrors.contactEmail}
      />
      <TextField
        label="Contact phone"
        name="contactPhone"
        type="tel"
        autoComplete="tel"
        error={fieldErrors.contactPhone}
      />
      <TextField
        label="Logo"
        name="logoUrl"
        type="url"
        inputMode="url"
        placeholder="https://"
        hint="The web address of an image."
        error={fieldErrors.logoUrl}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} pendingLabel="Opening your shop…">
          Open my shop
        </SubmitButton>
      </div>
    </form>
  );
}
