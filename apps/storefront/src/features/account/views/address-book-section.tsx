import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import {
  AddressCreateDocument,
  AddressDeleteDocument,
  AddressUpdateDocument,
  type AddressCardAddressFragment,
  type AddressFormAddressFragment,
  type AddressInput,
} from '../../../generated/account';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { Button } from '../../../shared/ui/button';
import { AddressCard } from '../components/address-card';
import { AddressForm } from '../components/address-form';
import { ADDRESS_FIELDS } from '../components/address-fields';
import cardStyles from '../components/account.module.css';
import { AccountSection } from './account-section';
import { forgetAddress, rememberAddress } from './address-cache';
import styles from './account-view.module.css';

type Address = AddressCardAddressFragment & AddressFormAddressFragment;

/** Marks the form for a new address (the other forms edit an address, by id). */
const NEW = 'new';

/** The address book: add, edit, delete (after confirming), and the default marker. */
export function AddressBookSection({ addresses }: { addresses: readonly Address[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const { clear, fieldErrors, formErrors, formRef, show, showRequestError } =
    useFormErrors(ADDRESS_FIELDS);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [createAddress, created] = useMutation(AddressCreateDocument, {
    update(cache, { data }) {
      const address = data?.addressCreate.address;
      if (address) rememberAddress(cache, address);
    },
  });
  const [updateAddress, updated] = useMutation(AddressUpdateDocument, {
    update(cache, { data }) {
      const address = data?.addressUpdate.address;
      if (address) rememberAddress(cache, address);
    },
  });
  const [deleteAddress] = useMutation(AddressDeleteDocument, {
    update(cache, { data }) {
      const id = data?.addressDelete.deletedId;
      if (id) forgetAddress(cache, id);
    },
  });

  // A form that opens takes the focus; one that closes gives it back to the section.
  const hadForm = useRef(false);
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
    else if (hadForm.current) headingRef.current?.focus();
    hadForm.current = editing !== null;
  }, [editing, formRef]);

  function edit(id: string | null) {
    clear();
    setNotice(null);
    setEditing(id);
  }

  async function save(input: AddressInput) {
    try {
      const payload =
        editing === NEW
          ? (await createAddress({ variables: { input } })).data?.addressCreate
          : (await updateAddress({ variables: { id: editing!, input } })).data?.addressUpdate;
      if (show(payload?.errors ?? [])) return;
      setNotice({ ok: true, message: editing === NEW ? 'Address added.' : 'Address saved.' });
      setEditing(null);
    } catch (error) {
      showRequestError(error);
    }
  }

  async function remove(id: string) {
    setDeletingId(id);
    setNotice(null);
    try {
      const { data } = await deleteAddress({ variables: { id } });
      const error = data?.addressDelete.errors[0];
      setNotice(
        error ? { ok: false, message: error.message } : { ok: true, message: 'Address deleted.' },
      );
    } catch (error) {
      setNotice({
        ok: false,
        message: describeApiError(error as ErrorLike) ?? 'The address could not be deleted.',
      });
    } finally {
      setDeletingId(null);
      headingRef.current?.focus();
    }
  }

  const formProps = {
    onSubmit: save,
    onCancel: () => edit(null),
    pending: created.loading || updated.loading,
    formRef,
    fieldErrors: fieldErrors,
    formErrors: formErrors,
  };

  return (
    <AccountSection
      title="Address book"
      description="Where your orders can be delivered."
      headingRef={headingRef}
    >
      {addresses.length === 0 && editing !== NEW ? (
        <p className={styles.empty}>No addresses yet.</p>
      ) : null}
      {addresses.length > 0 ? (
        <ul className={cardStyles.addressList} aria-label="Your addresses">
          {addresses.map((address) => (
            <li key={address.id} className={editing === address.id ? styles.editing : undefined}>
              {editing === address.id ? (
                <AddressForm
                  address={address}
                  title={`Edit ${address.label || address.recipient}`}
                  {...formProps}
                />
              ) : (
                <AddressCard
                  address={address}
                  onEdit={() => edit(address.id)}
                  onDelete={() => void remove(address.id)}
                  deleting={deletingId === address.id}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {editing === NEW ? (
        <AddressForm title="New address" {...formProps} />
      ) : (
        <p className={cardStyles.actionsRow}>
          <Button variant="secondary" onClick={() => edit(NEW)}>
            Add an address
          </Button>
        </p>
      )}
      {notice?.ok ? (
        <FormSuccess>
          <p>{notice.message}</p>
        </FormSuccess>
      ) : (
        <FormAlert errors={notice ? [notice.message] : []} />
      )}
    </AccountSection>
  );
}
