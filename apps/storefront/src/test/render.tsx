import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo';
import { routes } from '../app/routes';
import { SessionProvider } from '../shared/auth/session-context';
import type { SessionManager } from '../shared/auth/session-manager';
import { testSession, type TestSessionState } from './session';

type Mocks = ReadonlyArray<MockLink.MockedResponse>;

export interface RenderOptions {
  /** Who is here when the app starts: signed out unless told (or a manager of the test's own). */
  session?: TestSessionState | SessionManager;
}

function sessionFor(option: RenderOptions['session']): SessionManager {
  return typeof option === 'object' ? option : testSession(option ?? 'signedOut');
}

/** Renders the whole app (shell and routes) at `path`, against mocked API responses. */
export function renderApp(path: string, mocks: Mocks, options: RenderOptions = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const session = sessionFor(options.session);
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <SessionProvider manager={session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </MockedProvider>,
  );
  return { router, session, ...result };
}

/** Renders one view on its own (inside a router, for its links), against mocked API responses. */
export function renderView(view: ReactElement, mocks: Mocks, options: RenderOptions = {}) {
  const router = createMemoryRouter([{ path: '*', element: view }]);
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <SessionProvider manager={sessionFor(options.session)}>
        <RouterProvider router={router} />
      </SessionProvider>
    </MockedProvider>,
  );
}
