import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';

import { createApolloClient } from './app/apollo';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { SessionStore } from './shared/session/session-store';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const session = new SessionStore();
const client = createApolloClient(session);
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client} session={session}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
