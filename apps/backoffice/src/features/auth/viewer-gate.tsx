import { useQuery } from '@apollo/client/react';
import { Button, Container, Group } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

import { ViewerDocument } from '../../generated/graphql';
import { AccessProvider } from '../../shared/access/access-provider';
import { useSessionStore } from '../../shared/session/use-session';
import { useLogout } from '../../shared/session/use-logout';
import { ErrorState } from '../../shared/states/error-state';
import { FullPageLoader } from '../../shared/states/loading';
import { NoAccessView } from './views/no-access-view';

/**
 * Loads the viewer once signed in: users without a role see the no-access
 * page; everyone else gets the shell, with their permissions in context.
 */
export function ViewerGate({ children }: { children: ReactNode }) {
  const {
    data: current,
    previousData,
    error,
    refetch,
    loading,
  } = useQuery(ViewerDocument, {
    // Roles change while people work: pick up granted or withdrawn permissions
    // (the navbar, the pages) without a reload. The API enforces them at once anyway.
    pollInterval: 5 * 60_000,
    skipPollAttempt: () => document.visibilityState === 'hidden',
  });
  const data = current ?? previousData;
  const store = useSessionStore();
  const logout = useLogout();
  const anonymous = data !== undefined && data.viewer === null;

  useEffect(() => {
    // The API no longer knows this session (e.g. the account was reset).
    if (anonymous) store.signOut('expired');
  }, [anonymous, store]);

  // A failed background poll keeps the shell; only a first load without data shows the error.
  if (error && !data) {
    return (
      <Container size="sm" py="xl">
        <ErrorState
          title="Could not load your account"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
          retrying={loading}
        >
          <Group mt="md">
            <Button size="xs" variant="default" onClick={() => void logout()}>
              Log out
            </Button>
          </Group>
        </ErrorState>
      </Container>
    );
  }
  if (!data?.viewer) return <FullPageLoader />;
  if (!data.viewer.canUseBackoffice) return <NoAccessView user={data.viewer.user} />;
  return <AccessProvider viewer={data.viewer}>{children}</AccessProvider>;
}
