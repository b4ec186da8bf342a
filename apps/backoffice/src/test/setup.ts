// jsdom lacks a few browser APIs Mantine relies on; minimal stand-ins here.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

import { disposeSessions } from './session';

// Lazy routes and Mantine render slowly while other packages' tasks share the
// two cores: give findBy/waitFor time (tests still time out at 20 s).
configure({ asyncUtilTimeout: 25_000 });

// Vitest runs without globals, so Testing Library cannot register this itself.
afterEach(() => {
  cleanup();
  disposeSessions();
  window.localStorage.clear();
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = () => undefined;
}
