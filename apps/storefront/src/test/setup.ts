import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no layout: ScrollRestoration's scrollTo would only log an error.
window.scrollTo = () => undefined;

// Lazy routes compile on first use, slowly while other packages' tasks share the cores.
configure({ asyncUtilTimeout: 25_000 });

// Testing Library only unmounts automatically when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
