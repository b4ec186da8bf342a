import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import type { ReactNode } from 'react';

export interface AppProvidersProps {
  client: ApolloClient;
  children: ReactNode;
}

/** Everything the app needs above the router. Tests use MockedProvider instead. */
export function AppProviders({ client, children }: AppProvidersProps) {
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
