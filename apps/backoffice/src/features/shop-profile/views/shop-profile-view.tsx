import { useMutation, useQuery } from '@apollo/client/react';
import { Card } from '@mantine/core';

import { SellerProfilesDocument, SellerUpdateDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotAllowedState } from '../../../shared/states/not-allowed';
import { ShopProfileForm, type ShopProfileSubmit } from '../components/shop-profile-form';

/** The current seller's public profile (sellerUpdate). */
export function ShopProfileView({ sellerId }: { sellerId: string }) {
  const { data, error, refetch } = useQuery(SellerProfilesDocument);
  const [sellerUpdate, { loading }] = useMutation(SellerUpdateDocument);

  if (error) {
    return (
      <ErrorState
        title="Could not load the shop profile"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={1} label="Loading the shop profile" />;
  const seller = data.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller;
  if (!seller) return <NotAllowedState />;

  const submit: ShopProfileSubmit = async (input) => {
    const { data: result } = await sellerUpdate({ variables: { id: seller.id, input } });
    const payload = result?.sellerUpdate ?? null;
    if (payload && payload.errors.length === 0) toast.success('Shop profile saved.');
    return payload;
  };

  return (
    <>
      <PageHeader title="Shop profile" description={`What shoppers see of ${seller.name}.`} />
      <Card withBorder padding="lg">
        {/* A fresh form per seller: the switcher must not carry edits across shops. */}
        <ShopProfileForm key={seller.id} seller={seller} onSubmit={submit} saving={loading} />
      </Card>
    </>
  );
}
