import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo';
import { routes } from '../app/routes';

type Mocks = ReadonlyArray<MockLink.MockedResponse>;

/** Renders the whole app (shell and routes) at `path`, against mocked API responses. */
export function renderApp(path: string, mocks: Mocks) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { router, ...result };
}

/** Renders one view on its own (inside a router, for its links), against mocked API responses. */
export function renderView(view: ReactElement, mocks: Mocks) {
  const router = createMemoryRouter([{ path: '*', element: view }]);
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
}
