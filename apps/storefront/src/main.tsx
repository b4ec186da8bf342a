import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { AppProviders } from './app/providers';
import { createRouter } from './app/router';
import './shared/styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const client = createApolloClient();
const router = createRouter();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
