import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '../app/routes';
import { TestProviders, type Mocks } from './providers';

export function renderWithProviders(
  ui: ReactElement,
  { mocks = [] }: { mocks?: Mocks } = {},
): RenderResult {
  return render(<TestProviders mocks={mocks}>{ui}</TestProviders>);
}

/** The real route tree at `path` (relative to the /admin basename), against a mocked API. */
export function renderApp(path: string, { mocks = [] }: { mocks?: Mocks } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <TestProviders mocks={mocks}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return { ...result, router };
}
