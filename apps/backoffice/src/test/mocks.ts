import type { MockLink } from '@apollo/client/testing';

import {
  DashboardDocument,
  ShellShopDocument,
  type DashboardQuery,
  type ShellShopQuery,
} from '../generated/graphql';

type Mock<T> = MockLink.MockedResponse<T, Record<string, never>>;

export function shellShopMock(name = 'Harbour Market'): Mock<ShellShopQuery> {
  return {
    request: { query: ShellShopDocument },
    result: { data: { shop: { __typename: 'Shop', name } } as ShellShopQuery },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function dashboardMock({
  name = 'Harbour Market',
  database = true,
  version = '1.4.2',
}: { name?: string; database?: boolean; version?: string } = {}): Mock<DashboardQuery> {
  return {
    request: { query: DashboardDocument },
    result: {
      data: {
        apiStatus: { __typename: 'ApiStatus', database, version },
        shop: { __typename: 'Shop', name, currency: 'EUR', defaultLocale: 'en' },
      } as DashboardQuery,
    },
  };
}
