import { client } from './app/client';
import { startFirstPage } from './app/first-page';

// A second entry script, ahead of main.tsx's (vite.config.ts): see startFirstPage.
startFirstPage(new URL(location.href), client);
