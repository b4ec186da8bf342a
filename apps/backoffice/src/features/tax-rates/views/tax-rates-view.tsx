import { useMutation, useQuery } from '@apollo/client/react';
import { Button, EmptyState, Group, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

import {
  TaxRateCategoriesDocument,
  TaxRateDeleteDocument,
  TaxRatesDocument,
  type TaxRateList_RateFragment,
} from '../../../generated/graphql';
import { useAllCategories } from '../../../shared/categories/all-categories';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconPercent, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { categoryPaths } from '../components/category-names';
import { TaxRateFormModal } from '../components/tax-rate-form';
import { TaxRateList } from '../components/tax-rate-list';

/** Platform tax rates per country, region and category (checkout shows the tax separately). */
export function TaxRatesView() {
  const [params, setParams] = useSearchParams();
  const country = (params.get('country') ?? '').toUpperCase();
  const validCountry = /^[A-Z]{2}$/.test(country) ? country : null;
  const { data, previousData, error, refetch } = useQuery(TaxRatesDocument, {
    variables: { country: validCountry },
  });
  const categories = useAllCategories(TaxRateCategoriesDocument).categories;
  const paths = useMemo(() => categoryPaths(categories ?? []), [categories]);
  const categoryOptions = useMemo(
    () =>
      [...paths.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [paths],
  );
  const [editing, setEditing] = useState<TaxRateList_RateFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaxRateList_RateFragment | null>(null);
  const [remove, { loading: deletingNow }] = useMutation(TaxRateDeleteDocument, {
    update(cache, { data: result }) {
      const id = result?.taxRateDelete.deletedId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'TaxRate', id }) });
      cache.gc();
    },
  });

  const setCountry = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('country', value.trim().toUpperCase());
    else next.delete('country');
    setParams(next, { replace: true });
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      const { data: result } = await remove({ variables: { id: deleting.id } });
      const errors = result?.taxRateDelete.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The tax rate was not deleted',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success('Tax rate deleted.');
      setDeleting(null);
    } catch (thrown) {
      toast.error({ title: 'The tax rate was not deleted', error: thrown });
    }
  };

  const rates = (data ?? previousData)?.taxRates;
  const categoryName = (id: string) => paths.get(id) ?? 'Unknown category';

  return (
    <>
      <PageHeader
        title="Tax rates"
        description="Rates per country or region, for every category or one; checkout shows tax separately. No rate means 0 %."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Set a tax rate
          </Button>
        }
      />
      <Group mb="md">
        <TextInput
          label="Country"
          placeholder="All countries"
          maxLength={2}
          w={160}
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value)}
        />
      </Group>
      {error && !rates ? (
        <ErrorState
          title="Could not load the tax rates"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !rates ? (
        <CardGridSkeleton cards={1} label="Loading the tax rates" />
      ) : rates.length === 0 ? (
        <EmptyState mt="xl" withIndicatorBackground>
          <EmptyState.Indicator>
            <IconPercent size={28} />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>
            {validCountry ? `No tax rates for ${validCountry}` : 'No tax rates yet'}
          </EmptyState.Title>
          <EmptyState.Description>
            Orders shipped where no rate applies carry no tax.
          </EmptyState.Description>
        </EmptyState>
      ) : (
        <TaxRateList
          rates={rates}
          categoryName={categoryName}
          onEdit={setEditing}
          onDelete={setDeleting}
        />
      )}
      <TaxRateFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        rate={editing === 'new' ? null : editing}
        categoryOptions={categoryOptions}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this tax rate?"
        confirmLabel="Delete tax rate"
        loading={deletingNow}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <Text size="sm">
          {deleting
            ? `${deleting.country}${deleting.region ? `-${deleting.region}` : ''}, ${deleting.categoryId ? categoryName(deleting.categoryId) : 'every category'}: `
            : ''}
          new orders fall back to a broader rate, or none.
        </Text>
      </ConfirmDialog>
    </>
  );
}
