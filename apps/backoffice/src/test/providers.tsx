import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

import { createCache } from '../app/apollo';
import { theme } from '../app/theme';

export type Mocks = ReadonlyArray<
  MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>
>;

/** What the app's providers give, with a mocked API (the app's cache policies) and Mantine transitions off. */
export function TestProviders({ mocks = [], children }: { mocks?: Mocks; children: ReactNode }) {
  return (
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 0 }}>
      <MantineProvider theme={theme} env="test">
        <Notifications />
        {children}
      </MantineProvider>
    </MockedProvider>
  );
}
