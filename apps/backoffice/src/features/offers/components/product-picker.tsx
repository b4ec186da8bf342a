import { useLazyQuery } from '@apollo/client/react';
import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  Image,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';

import {
  OfferProductMatchesDocument,
  type ProductPicker_ProductFragment,
} from '../../../generated/graphql';
import { describeError } from '../../../shared/feedback/describe-error';
import { IconPackage, IconSearch } from '../../../shared/icons';

type SearchBy = 'title' | 'barcode';

/**
 * Finds the product an offer attaches to (Query.productMatches): published or
 * own products whose barcode or title matches.
 */
export function ProductPicker({
  selected,
  onSelect,
  error,
}: {
  selected: ProductPicker_ProductFragment | null;
  onSelect: (product: ProductPicker_ProductFragment | null) => void;
  /** Shown when no product is chosen on submit. */
  error?: ReactNode;
}) {
  const [by, setBy] = useState<SearchBy>('title');
  const [text, setText] = useState('');
  const [search, { data, loading, error: searchError, called }] = useLazyQuery(
    OfferProductMatchesDocument,
  );
  const matches = data?.productMatches ?? [];

  const run = () => {
    const value = text.trim();
    if (!value) return;
    void search({
      variables: by === 'title' ? { title: value, barcode: null } : { barcode: value, title: null },
    }).catch(() => undefined);
  };

  if (selected) {
    return (
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="nowrap">
          <ProductSummary product={selected} />
          <Button variant="subtle" size="xs" onClick={() => onSelect(null)}>
            Change product
          </Button>
        </Group>
      </Card>
    );
  }

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Search products by"
        data={[
          { value: 'title', label: 'Title' },
          { value: 'barcode', label: 'Barcode' },
        ]}
        value={by}
        onChange={(value) => setBy(value as SearchBy)}
        w={{ base: '100%', xs: 260 }}
      />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={by === 'title' ? 'Product title' : 'Barcode (EAN, UPC)'}
          placeholder={by === 'title' ? 'e.g. linen shirt' : 'e.g. 4006381333931'}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              run();
            }
          }}
          error={error}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          leftSection={<IconSearch size={16} />}
          onClick={run}
          loading={loading}
          disabled={!text.trim()}
        >
          Find product
        </Button>
      </Group>
      {searchError ? (
        <Alert color="red" variant="light" role="alert">
          {describeError(searchError)}
        </Alert>
      ) : null}
      {called && !loading && data && matches.length === 0 ? (
        <Text size="sm" c="dimmed">
          No published product matches. Create the product first, then offer it.
        </Text>
      ) : null}
      {matches.length > 0 ? (
        <Radio.Group
          label="Matching products"
          value=""
          onChange={(id) => onSelect(matches.find((product) => product.id === id) ?? null)}
        >
          <Stack gap="xs" mt="xs">
            {matches.map((product) => (
              <Card key={product.id} withBorder padding="xs">
                <Radio
                  value={product.id}
                  aria-label={product.title}
                  label={<ProductSummary product={product} />}
                />
              </Card>
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
    </Stack>
  );
}

function ProductSummary({ product }: { product: ProductPicker_ProductFragment }) {
  const image = product.images[0];
  return (
    <Group gap="sm" wrap="nowrap">
      <Box
        w={40}
        h={40}
        style={{
          flex: 'none',
          borderRadius: 4,
          overflow: 'hidden',
          background: 'var(--mantine-color-default-hover)',
          display: 'grid',
          placeItems: 'center',
        }}
      >
        {image ? (
          <Image src={image.image.url} alt="" w={40} h={40} fit="cover" loading="lazy" />
        ) : (
          <IconPackage size={18} />
        )}
      </Box>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500}>
          {product.title}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            product.brand,
            `${product.variants.length} variant${product.variants.length === 1 ? '' : 's'}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}
