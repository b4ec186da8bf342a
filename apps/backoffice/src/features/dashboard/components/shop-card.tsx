import { Card, DataList, Title } from '@mantine/core';

import type { ShopCard_ShopFragment } from '../../../generated/graphql';

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The marketplace's public settings (fragment: shop-card.graphql). */
export function ShopCard({ shop }: { shop: ShopCard_ShopFragment }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="shop-title">
      <Title order={2} size="h4" id="shop-title" mb="md">
        Shop
      </Title>
      <DataList withDivider labelWidth="8rem">
        <DataList.Item>
          <DataList.ItemLabel>Name</DataList.ItemLabel>
          <DataList.ItemValue>{shop.name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Currency</DataList.ItemLabel>
          <DataList.ItemValue>{shop.currency}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Default language</DataList.ItemLabel>
          <DataList.ItemValue>
            {languageName(shop.defaultLocale)} ({shop.defaultLocale})
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}
