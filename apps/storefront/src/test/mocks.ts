import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { AccountPageDocument, type AccountPageQuery } from '../generated/account';
import {
  FooterStatusDocument,
  SessionRevokeDocument,
  ShellDocument,
  ShellViewerDocument,
  StatusPageDocument,
  type FooterStatusQuery,
  type SessionRevokeMutation,
  type ShellQuery,
  type ShellViewerQuery,
  type StatusPageQuery,
} from '../generated/graphql';
import { HomePageDocument, type HomePageQuery } from '../generated/home';

/** Typed mocked responses for the storefront's documents: a wrong shape fails typecheck. */
type Mock = MockLink.MockedResponse;

export function shellMock(name: string, itemCount: number | null = null): Mock {
  const data: ShellQuery = {
    shop: { __typename: 'Shop', name },
    cart: itemCount === null ? null : { __typename: 'Cart', id: 'cart-1', itemCount },
  };
  return { request: { query: ShellDocument }, result: { data } };
}

export function homeMock(name: string): Mock {
  const data: HomePageQuery = { shop: { __typename: 'Shop', name } };
  return { request: { query: HomePageDocument }, result: { data } };
}

export function footerStatusMock(database: boolean, version = '1.2.3'): Mock {
  const data: FooterStatusQuery = { apiStatus: { __typename: 'ApiStatus', database, version } };
  return { request: { query: FooterStatusDocument }, result: { data } };
}

export function statusPageMock(database: boolean, version = '1.2.3'): Mock {
  const data: StatusPageQuery = { apiStatus: { __typename: 'ApiStatus', database, version } };
  return { request: { query: StatusPageDocument }, result: { data } };
}

/** The request never reaches the API (connection refused, offline). */
export function networkErrorMock(query: Mock['request']['query']): Mock {
  return { request: { query }, error: new TypeError('Failed to fetch') };
}

/** The API answers with a GraphQL error and no data. */
export function graphQLErrorMock(query: Mock['request']['query']): Mock {
  return {
    request: { query },
    result: { errors: [new GraphQLError('Database unavailable')] },
  };
}

/* ---- Session and account ---- */

export type ViewerUser = NonNullable<AccountPageQuery['viewer']>['user'];
export type ViewerAddress = NonNullable<AccountPageQuery['viewer']>['addresses'][number];

export const ADA: ViewerUser = {
  __typename: 'User',
  id: 'user-1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  avatarUrl: null,
  emailVerified: false,
};

export function shellViewerMock(
  user: Pick<ViewerUser, 'id' | 'name'> = ADA,
  canUseBackoffice = false,
): Mock {
  const data: ShellViewerQuery = {
    viewer: {
      __typename: 'Viewer',
      canUseBackoffice,
      user: { __typename: 'User', id: user.id, name: user.name },
    },
  };
  return { request: { query: ShellViewerDocument }, result: { data } };
}

export function address(overrides: Partial<ViewerAddress> = {}): ViewerAddress {
  return {
    __typename: 'Address',
    id: 'address-1',
    label: 'Home',
    recipient: 'Ada Lovelace',
    line1: '12 St James Square',
    line2: null,
    postalCode: 'SW1Y 4JH',
    city: 'London',
    region: null,
    country: 'GB',
    phone: null,
    isDefault: true,
    ...overrides,
  };
}

export interface AccountPageOptions {
  user?: Partial<ViewerUser>;
  addresses?: ViewerAddress[];
  canUseBackoffice?: boolean;
  sellers?: Array<{ id: string; name: string }>;
}

export function accountPageMock(options: AccountPageOptions = {}): Mock {
  const data: AccountPageQuery = {
    viewer: {
      __typename: 'Viewer',
      canUseBackoffice: options.canUseBackoffice ?? false,
      user: { ...ADA, ...options.user },
      addresses: options.addresses ?? [],
      sellerAccess: (options.sellers ?? []).map((seller) => ({
        __typename: 'SellerAccess',
        seller: { __typename: 'Seller', ...seller },
      })),
    },
  };
  return { request: { query: AccountPageDocument }, result: { data } };
}

export function sessionRevokeMock(): Mock {
  const data: SessionRevokeMutation = {
    sessionRevoke: { __typename: 'SessionRevokePayload', revoked: true, errors: [] },
  };
  return { request: { query: SessionRevokeDocument }, result: { data } };
}

/** The frame every page renders in: the shop's name and the footer's status. */
export function shellMocks(): Mock[] {
  return [shellMock('Corner Market'), footerStatusMock(true)];
}

/** The textual description of a field: its error and hint, as assistive tech reads them. */
export function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
