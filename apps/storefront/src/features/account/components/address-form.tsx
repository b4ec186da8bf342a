import { useMemo, type FormEvent, type RefObject } from 'react';
import type { AddressFormAddressFragment, AddressInput } from '../../../generated/account';
import { CheckboxField, SelectField, TextField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import formStyles from '../../../shared/forms/form.module.css';
import { Button } from '../../../shared/ui/button';
import styles from './account.module.css';
import type { AddressField } from './address-fields';
import { browserCountry, countries } from './countries';

export interface AddressFormProps {
  /** The address being edited; a new one when absent. */
  address?: AddressFormAddressFragment;
  /** Its name, for the form's label ("New address", "Edit Home"). */
  title: string;
  onSubmit: (input: AddressInput) => void;
  onCancel: () => void;
  pending: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  fieldErrors: Partial<Record<AddressField, string>>;
  formErrors: readonly string[];
}

/** An address, with the autocomplete tokens browsers fill addresses from. */
export function AddressForm({
  address,
  title,
  onSubmit,
  onCancel,
  pending,
  formRef,
  fieldErrors,
  formErrors,
}: AddressFormProps) {
  const countryList = useMemo(() => countries(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const text = (name: AddressField) => String(values.get(name) ?? '').trim();
    const optional = (name: AddressField) => text(name) || null;
    onSubmit({
      label: optional('label'),
      recipient: text('recipient'),
      line1: text('line1'),
      line2: optional('line2'),
      postalCode: text('postalCode'),
      city: text('city'),
      region: optional('region'),
      country: text('country'),
      phone: optional('phone'),
      isDefault: values.get('isDefault') === 'on',
    });
  }

  return (
    <form ref={formRef} className={styles.addressForm} onSubmit={submit} aria-label={title}>
      <FormAlert errors={formErrors} />
      <div className={styles.addressGrid}>
        <TextField
          label="Full name"
          name="recipient"
          autoComplete="name"
          required
          defaultValue={address?.recipient}
          error={fieldErrors.recipient}
          className={styles.span2}
        />
        <TextField
          label="Address"
          name="line1"
          autoComplete="address-line1"
          required
          defaultValue={address?.line1}
          error={fieldErrors.line1}
          className={styles.span2}
        />
        <TextField
          label="Apartment, suite, building"
          name="line2"
          autoComplete="address-line2"
          defaultValue={address?.line2 ?? ''}
          error={fieldErrors.line2}
          className={styles.span2}
        />
        <TextField
          label="Postal code"
          name="postalCode"
          autoComplete="postal-code"
          required
          defaultValue={address?.postalCode}
          error={fieldErrors.postalCode}
        />
        <TextField
          label="City"
          name="city"
          autoComplete="address-level2"
          required
          defaultValue={address?.city}
          error={fieldErrors.city}
        />
        <TextField
          label="Region, state or province"
          name="region"
          autoComplete="address-level1"
          defaultValue={address?.region ?? ''}
          error={fieldErrors.region}
        />
        <SelectField
          label="Country"
          name="country"
          autoComplete="country"
          required
          defaultValue={address?.country ?? browserCountry()}
          error={fieldErrors.country}
        >
          <option value="">Choose a country</option>
          {countryList.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="For the delivery person."
          defaultValue={address?.phone ?? ''}
          error={fieldErrors.phone}
        />
        <TextField
          label="Label"
          name="label"
          autoComplete="off"
          hint="To recognise it: Home, Work…"
          defaultValue={address?.label ?? ''}
          error={fieldErrors.label}
        />
      </div>
      <CheckboxField
        label="Use as my default address"
        name="isDefault"
        defaultChecked={address?.isDefault ?? false}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} pendingLabel="Saving the address…">
          Save address
        </SubmitButton>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
