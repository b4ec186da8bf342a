import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no layout: ScrollRestoration's scrollTo would only log "not implemented".
window.scrollTo = () => undefined;

// Testing Library only unmounts automatically when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
