import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';

import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

import { SessionProvider } from '../shared/session/session-provider';
import type { SessionStore } from '../shared/session/session-store';
import { cssVariablesResolver, theme } from './theme';

export function AppProviders({
  client,
  session,
  children,
}: {
  client: ApolloClient;
  session: SessionStore;
  children: ReactNode;
}) {
  return (
    <ApolloProvider client={client}>
      <SessionProvider store={session}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          defaultColorScheme="auto"
        >
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
      </SessionProvider>
    </ApolloProvider>
  );
}
