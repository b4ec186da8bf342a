import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { client, session } from './app/client';
import { createRouter } from './app/router';
import { applyDocumentLanguage } from './shared/i18n/locale';
import './shared/styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

applyDocumentLanguage();

// The router starts loading the first page's code (preload.ts did already); Apollo's
// client loads beside it (app/client.ts), the shell's outline showing meanwhile.
const router = createRouter();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client} session={session}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
