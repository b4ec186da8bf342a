import type { MockLink } from '@apollo/client/testing';

import {
  DashboardDocument,
  SessionRefreshDocument,
  SessionRevokeDocument,
  ShellShopDocument,
  ViewerDocument,
  type Access_ViewerFragment,
  type DashboardQuery,
  type SessionRefreshMutation,
  type SessionRevokeMutation,
  type ShellShopQuery,
  type ViewerQuery,
} from '../generated/graphql';
import { adminViewer } from './fixtures';

type Mock<T> = MockLink.MockedResponse<T, Record<string, never>>;

export function viewerMock(viewer: Access_ViewerFragment | null = adminViewer): Mock<ViewerQuery> {
  return {
    request: { query: ViewerDocument },
    result: { data: { viewer } as ViewerQuery },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** The start-up refresh: a session for `user`, or none (no refresh cookie). */
export function sessionRefreshMock(
  user: { id: string; name: string; email: string } | null,
): Mock<SessionRefreshMutation> {
  return {
    request: { query: SessionRefreshDocument },
    result: {
      data: {
        sessionRefresh: user
          ? {
              __typename: 'SessionRefreshPayload',
              errors: [],
              session: {
                __typename: 'AuthSession',
                accessToken: 'refreshed-token',
                expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
                user: { __typename: 'User', ...user },
              },
            }
          : {
              __typename: 'SessionRefreshPayload',
              session: null,
              errors: [
                {
                  __typename: 'SessionRefreshError',
                  code: 'NO_SESSION',
                  field: null,
                  message: 'No session.',
                },
              ],
            },
      } as SessionRefreshMutation,
    },
  };
}

export function sessionRevokeMock(): Mock<SessionRevokeMutation> {
  return {
    request: { query: SessionRevokeDocument },
    result: {
      data: {
        sessionRevoke: { __typename: 'SessionRevokePayload', revoked: true, errors: [] },
      } as SessionRevokeMutation,
    },
  };
}

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
