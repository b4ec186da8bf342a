import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';

import { createCache } from '../app/apollo';
import { theme } from '../app/theme';
import { SessionProvider } from '../shared/session/session-provider';
import type { SessionStore } from '../shared/session/session-store';
import { signedInSession } from './session';

export type Mocks = ReadonlyArray<
  MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>
>;

/** Hands the test the mocked client (to inspect the cache). */
function ClientProbe({ onClient }: { onClient: (client: ApolloClient) => void }) {
  const client = useApolloClient();
  useEffect(() => {
    onClient(client);
  }, [client, onClient]);
  return null;
}

/**
 * What the app's providers give, with a mocked API (the app's cache policies),
 * a session (signed in unless another store is given) and Mantine transitions off.
 */
export function TestProviders({
  mocks = [],
  session,
  onClient,
  children,
}: {
  mocks?: Mocks;
  session?: SessionStore;
  onClient?: (client: ApolloClient) => void;
  children: ReactNode;
}) {
  const [store] = useState(() => session ?? signedInSession());
  return (
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 0 }}>
      <SessionProvider store={store}>
        <MantineProvider theme={theme} env="test">
          <Notifications />
          {onClient ? <ClientProbe onClient={onClient} /> : null}
          {children}
        </MantineProvider>
      </SessionProvider>
    </MockedProvider>
  );
}
