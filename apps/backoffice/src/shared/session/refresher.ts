import type { ApolloClient } from '@apollo/client';

import { SessionRefreshDocument } from '../../generated/graphql';
import type { Refresher } from './session-store';

/**
 * sessionRefresh through the app's client. `no-cache` keeps the access token
 * out of the normalised cache; `auth: false` sends no (possibly expired)
 * bearer token and keeps the auth link from retrying the refresh itself.
 */
export function clientRefresher(client: ApolloClient): Refresher {
  return async () => {
    const { data } = await client.mutate({
      mutation: SessionRefreshDocument,
      fetchPolicy: 'no-cache',
      context: { auth: false },
    });
    if (!data) throw new Error('sessionRefresh returned no data.');
    return data.sessionRefresh.session ?? null;
  };
}
