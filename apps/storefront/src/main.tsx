import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { GRAPHQL_URI } from './app/graphql-uri';
import { createRouter } from './app/router';
import { createBrowserSessionManager } from './shared/auth/browser-session';
import { applyDocumentLanguage } from './shared/i18n/locale';
import './shared/styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

applyDocumentLanguage();

// Ask for the session at once, before React renders: requests wait for the answer.
const session = createBrowserSessionManager(GRAPHQL_URI);
void session.start();
// The router starts loading the first page's code; Apollo's client loads beside it rather
// than in the entry chunk (scripts/bundle-budget.mjs), the shell's outline showing meanwhile.
const router = createRouter();
const client = import('./app/apollo').then(({ createApolloClient }) => createApolloClient(session));

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client} session={session}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
