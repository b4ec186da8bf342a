import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';

import {
  NewOfferContextDocument,
  OfferCreateDocument,
  type ProductPicker_ProductFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { IconArrowLeft } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { LocationKindBadge } from '../../inventory/components/location-kind-badge';
import { CONDITION_OPTIONS, offerPath } from '../components/offer-labels';
import { ProductPicker } from '../components/product-picker';
import { currencyDigits, supportedCurrencies } from '../money';
import { buildOfferCreate, type NewOfferValues } from '../new-offer-input';

/**
 * Offers a variant of an existing product (found by barcode or title) at the
 * seller's own price, with opening stock per location (offerCreate).
 */
export function NewOfferView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const navigate = useNavigate();
  const { data: context } = useQuery(NewOfferContextDocument);
  const locations =
    context?.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller.stockLocations ??
    [];
  const [product, setProduct] = useState<ProductPicker_ProductFragment | null>(null);
  const currencies = useMemo(() => supportedCurrencies(), []);
  const form = useForm<NewOfferValues>({
    initialValues: {
      variantId: '',
      price: '',
      compareAtPrice: '',
      currency: '',
      condition: 'NEW',
      handlingDays: '1',
      allowBackorder: false,
      lowStockThreshold: '5',
      stock: {},
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [offerCreate, { loading }] = useMutation(OfferCreateDocument, {
    refetchQueries: ['SellerOffers'],
  });
  // The shop's currency until the seller picks another.
  const currency = form.values.currency || context?.shop.currency || '';
  const digits = currency ? currencyDigits(currency) : 2;
  const pricePlaceholder = digits === 0 ? '500' : `12.${'5'.padEnd(digits, '0')}`;

  const chooseProduct = (next: ProductPicker_ProductFragment | null) => {
    setProduct(next);
    form.setFieldValue(
      'variantId',
      next?.variants.length === 1 ? (next.variants[0]?.id ?? '') : '',
    );
    form.clearFieldError('variantId');
  };

  const submit = form.onSubmit(async (formValues) => {
    clear();
    const values = { ...formValues, currency, stock: { ...formValues.stock } };
    // Every location shows an input; only those typed in are in the values yet.
    for (const location of locations) values.stock[location.id] ??= '';
    const built = buildOfferCreate(sellerId, values);
    if (!built.ok) {
      form.setErrors(built.errors);
      return;
    }
    try {
      const { data } = await offerCreate({ variables: { input: built.input } });
      if (!data) return;
      // "stock" as a whole (too many locations) belongs to no single input.
      const errors = remapErrorFields(data.offerCreate.errors, built.fieldMap).map((error) =>
        error.field === 'stock' ? { ...error, field: null } : error,
      );
      if (apply(errors)) return;
      const offer = data.offerCreate.offer;
      toast.success('Offer created.');
      if (offer) void navigate(offerPath(sellerId, offer.id));
    } catch (error) {
      applyThrown(error);
    }
  });

  const variants = product?.variants ?? [];
  const listPath = `/sellers/${encodeURIComponent(sellerId)}/offers`;

  return (
    <>
      <Anchor
        component={Link}
        to={listPath}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> Offers
      </Anchor>
      <PageHeader
        title="New offer"
        description={`Sell an existing product as ${access.seller(sellerId)?.seller.name ?? 'this seller'}, at your own price and with your own stock.`}
      />
      <form onSubmit={submit} noValidate aria-label="New offer">
        <FormErrors errors={formErrors} title="The offer was not created" />
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="offer-product">
            <Title order={2} size="h4" mb="sm" id="offer-product">
              Product
            </Title>
            <ProductPicker
              selected={product}
              onSelect={chooseProduct}
              error={!product ? form.errors['variantId'] : null}
            />
            {product ? (
              <NativeSelect
                mt="md"
                label="Variant"
                required
                data={[
                  { value: '', label: 'Choose a variant' },
                  ...variants.map((variant) => ({
                    value: variant.id,
                    label: `${variant.title} · ${variant.sku}${variant.barcode ? ` · ${variant.barcode}` : ''}`,
                  })),
                ]}
                {...form.getInputProps('variantId')}
              />
            ) : null}
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="offer-terms">
            <Title order={2} size="h4" mb="sm" id="offer-terms">
              Price and terms
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`Price${currency ? ` (${currency})` : ''}`}
                placeholder={pricePlaceholder}
                description={
                  digits === 0
                    ? `${currency} has no decimals.`
                    : `In ${currency || 'the currency'}, with up to ${digits} decimals.`
                }
                inputMode="decimal"
                required
                autoComplete="off"
                {...form.getInputProps('price')}
              />
              <TextInput
                label={`Compare-at price${currency ? ` (${currency})` : ''}`}
                description="Optional: the list price, shown struck through."
                inputMode="decimal"
                autoComplete="off"
                {...form.getInputProps('compareAtPrice')}
              />
              <NativeSelect
                label="Currency"
                required
                data={currencies}
                {...form.getInputProps('currency')}
                value={currency}
              />
              <NativeSelect
                label="Condition"
                data={CONDITION_OPTIONS}
                {...form.getInputProps('condition')}
              />
              <TextInput
                label="Handling time (days)"
                description="Working days before the parcel leaves."
                inputMode="numeric"
                {...form.getInputProps('handlingDays')}
              />
              <TextInput
                label="Low-stock threshold"
                description="Reported as low stock at or below this many available."
                inputMode="numeric"
                {...form.getInputProps('lowStockThreshold')}
              />
            </SimpleGrid>
            <Checkbox
              mt="md"
              label="Allow backorders"
              description="Keep taking orders when nothing is available."
              {...form.getInputProps('allowBackorder', { type: 'checkbox' })}
            />
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="offer-stock">
            <Title order={2} size="h4" mb="sm" id="offer-stock">
              Opening stock
            </Title>
            {locations.length === 0 ? (
              <Text size="sm" c="dimmed">
                No stock location yet.{' '}
                <Anchor
                  component={Link}
                  to={`/sellers/${encodeURIComponent(sellerId)}/inventory/locations`}
                >
                  Add a warehouse
                </Anchor>{' '}
                or a store to keep stock.
              </Text>
            ) : (
              <Table aria-label="Opening stock" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Location</Table.Th>
                    <Table.Th w={160}>On hand</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {locations.map((location) => (
                    <Table.Tr key={location.id}>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm">{location.name}</Text>
                          <LocationKindBadge kind={location.kind} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Opening stock at ${location.name}`}
                          inputMode="numeric"
                          placeholder="0"
                          {...form.getInputProps(`stock.${location.id}`)}
                          value={form.values.stock[location.id] ?? ''}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>

          <Group justify="flex-end" gap="xs">
            <Button component={Link} to={listPath} variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create offer
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
