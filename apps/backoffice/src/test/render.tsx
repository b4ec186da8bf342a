import type { ApolloClient } from '@apollo/client';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '../app/routes';
import type { Access_ViewerFragment } from '../generated/graphql';
import { AccessProvider } from '../shared/access/access-provider';
import type { SessionStore } from '../shared/session/session-store';
import { adminViewer } from './fixtures';
import { viewerMock } from './mocks';
import { TestProviders, type Mocks } from './providers';

export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], session }: { mocks?: Mocks; session?: SessionStore } = {},
): RenderResult {
  return render(
    <TestProviders mocks={mocks} session={session}>
      {ui}
    </TestProviders>,
  );
}

/**
 * The real route tree at `path` (relative to the /admin basename), against a
 * mocked API. Signed in as `viewer` (an admin by default) unless a session
 * store says otherwise.
 */
export function renderApp(
  path: string,
  {
    mocks = [],
    session,
    viewer = adminViewer,
  }: { mocks?: Mocks; session?: SessionStore; viewer?: Access_ViewerFragment | null } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <TestProviders mocks={[...mocks, viewerMock(viewer)]} session={session}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return { ...result, router };
}

/**
 * One screen (a view) inside a router at `path` (matched by `routePath`,
 * for params) with the viewer's permissions, without the shell.
 */
export function renderScreen(
  ui: ReactElement,
  {
    mocks = [],
    viewer = adminViewer,
    path = '/',
    routePath = '*',
    onClient,
  }: {
    mocks?: Mocks;
    viewer?: Access_ViewerFragment;
    path?: string;
    routePath?: string;
    onClient?: (client: ApolloClient) => void;
  } = {},
) {
  const router = createMemoryRouter(
    [
      { path: routePath, element: <AccessProvider viewer={viewer}>{ui}</AccessProvider> },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <TestProviders mocks={mocks} onClient={onClient}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return { ...result, router };
}
