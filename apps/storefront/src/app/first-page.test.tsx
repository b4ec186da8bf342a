import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../shared/auth/session-context';
import { homeCatalogMock, productCard } from '../test/catalog';
import { homeMock, shellMocks } from '../test/mocks';
import { testSession } from '../test/session';
import { createCache } from './apollo';
import { startFirstPage } from './first-page';
import { routes } from './routes';

/** A client over mocked answers that records the name of every operation it sends. */
function recordingClient(mocks: ConstructorParameters<typeof MockLink>[0]) {
  const sent: string[] = [];
  const record = new ApolloLink((operation, forward) => {
    sent.push(operation.operationName ?? '');
    return forward(operation);
  });
  const client = new ApolloClient({
    link: ApolloLink.from([record, new MockLink(mocks)]),
    cache: createCache(),
  });
  return { client, sent };
}

describe('the first page', () => {
  it("asks for the home page's data before the app renders, and the page uses that answer", async () => {
    const { client, sent } = recordingClient([
      ...shellMocks(),
      homeMock('Corner Market'),
      homeCatalogMock([{ slug: 'clothing', name: 'Clothing' }], [productCard('p1', 'Linen shirt')]),
    ]);

    startFirstPage(new URL('http://localhost/'), Promise.resolve(client));
    await waitFor(() => expect(sent).toEqual(['HomePage', 'HomeCatalog']));

    render(
      <ApolloProvider client={client}>
        <SessionProvider manager={testSession('signedOut')}>
          <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/'] })} />
        </SessionProvider>
      </ApolloProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Corner Market' });
    const arrivals = await screen.findByRole('list', { name: 'New arrivals' });
    expect(within(arrivals).getByRole('link', { name: 'Linen shirt' })).toBeTruthy();
    // The shell's own queries went out; the page's were not sent twice.
    expect([...sent].sort()).toEqual(['FooterStatus', 'HomeCatalog', 'HomePage', 'Shell']);
  });

  it('leaves pages it does not know to the router', async () => {
    const { client, sent } = recordingClient([]);
    startFirstPage(new URL('http://localhost/account'), Promise.resolve(client));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
  });
});
