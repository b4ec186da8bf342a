import { useId, useMemo, useState, type FormEvent } from 'react';
import type { CheckoutAddressOptionFragment, AddressInput } from '../../../generated/checkout';
import { CheckboxField, SelectField, TextField } from '../../../shared/forms/field';
import { useMessages } from '../../../shared/i18n/messages';
import { Button } from '../../../shared/ui/button';
import { browserCountry, countries } from '../../account/components/countries';
import { summarize } from '../address-summary';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';
import { ProblemList } from './problem-list';

export type AddressChoice =
  { kind: 'saved'; id: string } | { kind: 'new'; address: AddressInput | null; save: boolean };

export interface AddressStepProps {
  addresses: readonly CheckoutAddressOptionFragment[];
  choice: AddressChoice;
  onChange: (choice: AddressChoice) => void;
  problems: readonly string[];
  /** Errors of the new address's fields, by field name. */
  fieldErrors: Partial<Record<keyof AddressInput, string>>;
}

/** Where to deliver: one of the address book's addresses, or a new one (saved if asked). */
export function AddressStep({
  addresses,
  choice,
  onChange,
  problems,
  fieldErrors,
}: AddressStepProps) {
  const m = useMessages(checkoutMessages);
  const name = useId();
  const problemsId = useId();
  return (
    <section className={styles.section} aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{m.addressHeading}</h2>
      <fieldset aria-describedby={problems.length ? problemsId : undefined}>
        <legend className="visually-hidden">{m.addressHeading}</legend>
        {addresses.map((address) => (
          <label key={address.id} className={styles.option}>
            <input
              type="radio"
              name={name}
              checked={choice.kind === 'saved' && choice.id === address.id}
              onChange={() => onChange({ kind: 'saved', id: address.id })}
            />
            <span className={styles.optionText}>
              <span>
                {address.label ? <strong>{address.label}: </strong> : null}
                {summarize(address)}
                {address.isDefault ? ` (${m.defaultMark})` : null}
              </span>
              <span className={styles.muted}>
                {[address.line2, address.postalCode, address.region].filter(Boolean).join(', ')}
              </span>
            </span>
          </label>
        ))}
        <label className={styles.option}>
          <input
            type="radio"
            name={name}
            checked={choice.kind === 'new'}
            onChange={() =>
              onChange(choice.kind === 'new' ? choice : { kind: 'new', address: null, save: true })
            }
          />
          <span>{m.newAddress}</span>
        </label>
      </fieldset>
      {choice.kind === 'new' ? (
        choice.address ? (
          <p>
            {m.newAddressInUse(summarize(choice.address))}{' '}
            <Button
              variant="secondary"
              size="small"
              onClick={() => onChange({ ...choice, address: null })}
            >
              {m.editAddress}
            </Button>
          </p>
        ) : (
          <NewAddressForm
            initialSave={choice.save}
            fieldErrors={fieldErrors}
            onUse={(address, save) => onChange({ kind: 'new', address, save })}
          />
        )
      ) : null}
      <ProblemList problems={problems} id={problemsId} />
    </section>
  );
}

function NewAddressForm({
  initialSave,
  fieldErrors,
  onUse,
}: {
  initialSave: boolean;
  fieldErrors: AddressStepProps['fieldErrors'];
  onUse: (address: AddressInput, save: boolean) => void;
}) {
  const m = useMessages(checkoutMessages);
  const countryList = useMemo(() => countries(), []);
  const [save, setSave] = useState(initialSave);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const text = (key: string) => String(values.get(key) ?? '').trim();
    onUse(
      {
        recipient: text('recipient'),
        line1: text('line1'),
        line2: text('line2') || null,
        postalCode: text('postalCode'),
        city: text('city'),
        region: text('region') || null,
        country: text('country'),
        phone: text('phone') || null,
      },
      save,
    );
  }

  return (
    <form onSubmit={submit} aria-label={m.newAddress} className={styles.addressGrid}>
      <TextField
        label={m.recipient}
        name="recipient"
        autoComplete="name"
        required
        error={fieldErrors.recipient}
        className={styles.span2}
      />
      <TextField
        label={m.line1}
        name="line1"
        autoComplete="address-line1"
        required
        error={fieldErrors.line1}
        className={styles.span2}
      />
      <TextField
        label={m.line2}
        name="line2"
        autoComplete="address-line2"
        error={fieldErrors.line2}
        className={styles.span2}
      />
      <TextField
        label={m.postalCode}
        name="postalCode"
        autoComplete="postal-code"
        required
        error={fieldErrors.postalCode}
      />
      <TextField
        label={m.city}
        name="city"
        autoComplete="address-level2"
        required
        error={fieldErrors.city}
      />
      <TextField
        label={m.region}
        name="region"
        autoComplete="address-level1"
        error={fieldErrors.region}
      />
      <SelectField
        label={m.country}
        name="country"
        autoComplete="country"
        required
        defaultValue={browserCountry()}
        error={fieldErrors.country}
      >
        <option value="">{m.chooseCountry}</option>
        {countryList.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={m.phone}
        name="phone"
        type="tel"
        autoComplete="tel"
        error={fieldErrors.phone}
      />
      <CheckboxField
        label={m.saveAddress}
        name="saveAddress"
        checked={save}
        onChange={(event) => setSave(event.target.checked)}
        className={styles.span2}
      />
      <div className={styles.span2}>
        <Button type="submit" variant="secondary">
          {m.useAddress}
        </Button>
      </div>
    </form>
  );
}
