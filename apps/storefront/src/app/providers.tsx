import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Suspense, use, type ReactNode } from 'react';
import { ShellFrame } from '../features/shell/components/shell-frame';
import { SessionProvider } from '../shared/auth/session-context';
import type { SessionManager } from '../shared/auth/session-manager';

export interface AppProvidersProps {
  /** The API client, or its promise: the app loads Apollo's code beside the first page's. */
  client: ApolloClient | Promise<ApolloClient>;
  session: SessionManager;
  children: ReactNode;
}

/** Everything the app needs above the router. Tests use MockedProvider instead. */
export function AppProviders({ client, session, children }: AppProvidersProps) {
  return (
    <Suspense fallback={<ShellFrame />}>
      <ClientProvider client={client}>
        <SessionProvider manager={session}>{children}</SessionProvider>
      </ClientProvider>
    </Suspense>
  );
}

function ClientProvider({ client, children }: Pick<AppProvidersProps, 'client' | 'children'>) {
  const ready = client instanceof Promise ? use(client) : client;
  return <ApolloProvider client={ready}>{children}</ApolloProvider>;
}
