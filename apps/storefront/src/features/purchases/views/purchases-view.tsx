import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { MyPurchasesDocument } from '../../../generated/purchases';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { FormAlert } from '../../../shared/forms/form-alert';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { useMessages } from '../../../shared/i18n/messages';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { PurchaseSummary } from '../components/purchase-summary';
import styles from '../components/purchases.module.css';
import { purchasesMessages } from '../messages';

export const PURCHASES_PAGE_SIZE = 10;

/** /account/purchases: the shopper's purchases, newest first, each with its orders. */
export function PurchasesView() {
  const m = useMessages(purchasesMessages);
  useDocumentTitle(m.historyTitle);
  return (
    <RequireSession>
      <PurchasesPage />
    </RequireSession>
  );
}

function PurchasesPage() {
  const m = useMessages(purchasesMessages);
  const { data, error, refetch, fetchMore } = useQuery(MyPurchasesDocument, {
    variables: { first: PURCHASES_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  if (!data) {
    return (
      <Container className={styles.page}>
        <h1>{m.historyTitle}</h1>
        {error ? (
          <ErrorState
            title={m.historyFailed}
            message={describeApiError(error)}
            onRetry={retry}
            retrying={retrying}
          />
        ) : (
          <LoadingState label={m.loadingHistory} />
        )}
      </Container>
    );
  }

  const { edges, pageInfo, totalCount } = data.myPurchases;

  async function loadMore() {
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { first: PURCHASES_PAGE_SIZE, after: pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          myPurchases: {
            ...fetchMoreResult.myPurchases,
            edges: [...previous.myPurchases.edges, ...fetchMoreResult.myPurchases.edges],
          },
        }),
      });
    } catch (e) {
      setMoreError(describeApiError(e as Error) ?? m.historyFailed);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Container className={styles.page}>
      <h1>{m.historyTitle}</h1>
      {edges.length ? (
        <>
          <p className={styles.muted}>{m.shownOf(edges.length, totalCount)}</p>
          <ol className={styles.orders} aria-label={m.historyTitle}>
            {edges.map(({ node }) => (
              <li key={node.id} aria-label={m.purchaseTitle(node.number)}>
                <PurchaseSummary
                  purchase={node}
                  heading={
                    <h2>
                      <Link to={`/purchases/${node.id}`} aria-label={m.seePurchase(node.number)}>
                        {m.purchaseTitle(node.number)}
                      </Link>
                    </h2>
                  }
                />
              </li>
            ))}
          </ol>
          <FormAlert errors={moreError ? [moreError] : []} />
          {pageInfo.hasNextPage ? (
            <div className={styles.actions}>
              <Button variant="secondary" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? m.loadingMore : m.loadMore}
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p>{m.noPurchases}</p>
          <p>
            <Link to="/">{m.startShopping}</Link>
          </p>
        </>
      )}
      <p>
        <Link to="/account">{m.backToAccount}</Link>
      </p>
    </Container>
  );
}
