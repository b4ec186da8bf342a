import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { OpenShopDocument, type SellerCreateInput } from '../../../generated/account';
import { RequireSession } from '../../../shared/auth/require-session';
import { FormSuccess } from '../../../shared/forms/form-alert';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';
import { buttonClassName } from '../../../shared/ui/button-class';
import { SHOP_FIELDS } from '../components/shop-fields';
import { ShopForm } from '../components/shop-form';

/** /open-a-shop: any signed-in user can become a seller. */
export function OpenShopView() {
  useDocumentTitle('Open a shop');
  return (
    <RequireSession>
      <OpenShop />
    </RequireSession>
  );
}

function OpenShop() {
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(SHOP_FIELDS);
  const [opened, setOpened] = useState<{ name: string } | null>(null);
  const [openShop, { loading }] = useMutation(OpenShopDocument, {
    update(cache, { data }) {
      if (!data?.sellerCreate.seller) return;
      // The user now works in the back-office: what the header and account page
      // show about it is asked for again.
      const viewer = cache.identify({ __typename: 'Viewer' });
      cache.evict({ id: viewer, fieldName: 'canUseBackoffice' });
      cache.evict({ id: viewer, fieldName: 'sellerAccess' });
    },
  });

  async function onSubmit(input: SellerCreateInput) {
    try {
      const { data } = await openShop({ variables: { input } });
      const payload = data?.sellerCreate;
      if (payload?.seller) setOpened(payload.seller);
      else show(payload?.errors ?? []);
    } catch (error) {
      showRequestError(error);
    }
  }

  if (opened) {
    return (
      <FormPage title="Your shop is open">
        <FormSuccess>
          <p>
            <strong>{opened.name}</strong> is open. Add your products, stores and staff in the
            back-office.
          </p>
        </FormSuccess>
        <p>
          {/* The back-office is another single-page app: a full page load. */}
          <a href="/admin/" className={buttonClassName('primary')}>
            Go to the back-office
          </a>
        </p>
        <p>
          <Link to="/account">Back to your account</Link>
        </p>
      </FormPage>
    );
  }

  return (
    <FormPage
      title="Open a shop"
      intro="Sell to this marketplace's shoppers. You can change all of this later, except the web name."
      wide
    >
      <ShopForm
        onSubmit={onSubmit}
        pending={loading}
        formRef={formRef}
        fieldErrors={fieldErrors}
        formErrors={formErrors}
      />
    </FormPage>
  );
}
