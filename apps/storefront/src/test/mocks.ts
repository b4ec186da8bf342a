import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import {
  FooterStatusDocument,
  HomePageDocument,
  ShellDocument,
  StatusPageDocument,
  type FooterStatusQuery,
  type HomePageQuery,
  type ShellQuery,
  type StatusPageQuery,
} from '../generated/graphql';

/** Typed mocked responses for the storefront's documents: a wrong shape fails typecheck. */
type Mock = MockLink.MockedResponse;

export function shellMock(name: string): Mock {
  const data: ShellQuery = { shop: { __typename: 'Shop', name } };
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
