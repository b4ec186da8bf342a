import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import type { ReactNode } from 'react';
import { SessionProvider } from '../shared/auth/session-context';
import type { SessionManager } from '../shared/auth/session-manager';

export interface AppProvidersProps {
  client: ApolloClient;
  session: SessionManager;
  children: ReactNode;
}

/** Everything the app needs above the router. Tests use MockedProvider instead. */
export function AppProviders({ client, session, children }: AppProvidersProps) {
  return (
    <ApolloProvider client={client}>
      <SessionProvider manager={session}>{children}</SessionProvider>
    </ApolloProvider>
  );
}
