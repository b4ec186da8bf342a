import { useQuery } from '@apollo/client/react';
import { Button, Modal, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

import {
  WalletShopCurrencyDocument,
  WithdrawalRequestsDocument,
  type WithdrawalStatus,
  type WithdrawalsTable_WithdrawalFragment,
} from '../../../generated/graphql';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CreditForm } from '../components/credit-form';
import { DecideForm } from '../components/decide-form';
import { WITHDRAWAL_STATUS_LABELS } from '../components/withdrawal-status';
import { WithdrawalsTable } from '../components/withdrawals-table';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...Object.entries(WITHDRAWAL_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

/** Shoppers' wallets: withdrawal requests to decide, and platform credits. */
export function WalletsView() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'REQUESTED';
  const status = (raw in WITHDRAWAL_STATUS_LABELS ? raw : '') as WithdrawalStatus | '';
  const pages = useCursorPages(25, status);
  const { data, previousData, loading, error, refetch } = useQuery(WithdrawalRequestsDocument, {
    variables: { status: status || null, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const currency = useQuery(WalletShopCurrencyDocument).data?.shop.currency ?? 'EUR';
  const shown = (data ?? previousData)?.withdrawalRequests;
  const [crediting, setCrediting] = useState(false);
  const [deciding, setDeciding] = useState<{
    withdrawal: WithdrawalsTable_WithdrawalFragment;
    approve: boolean;
  } | null>(null);

  return (
    <>
      <PageHeader
        title="Wallets"
        description="Withdrawal requests waiting for a decision, and credits from the platform."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCrediting(true)}>
            Credit a wallet
          </Button>
        }
      />
      {error && !shown ? (
        <ErrorState
          title="Could not load the withdrawal requests"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <WithdrawalsTable
          mode="server"
          paging="cursor"
          withFilter={false}
          data={shown?.edges.map((edge) => edge.node) ?? []}
          rowCount={shown?.totalCount ?? 0}
          hasNextPage={data?.withdrawalRequests.pageInfo.hasNextPage ?? false}
          loading={loading}
          pagination={pages.pagination}
          onPaginationChange={(next) =>
            pages.change(next, data?.withdrawalRequests.pageInfo.endCursor)
          }
          emptyMessage={status === 'REQUESTED' ? 'No request is waiting.' : 'No requests.'}
          onDecide={(withdrawal, approve) => setDeciding({ withdrawal, approve })}
          toolbar={
            <NativeSelect
              aria-label="Status"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(event) => {
                const next = new URLSearchParams(params);
                next.set('status', event.currentTarget.value);
                setParams(next, { replace: true });
              }}
            />
          }
        />
      )}
      <Modal
        opened={crediting}
        onClose={() => setCrediting(false)}
        title="Credit a wallet"
        centered
      >
        {crediting ? <CreditForm currency={currency} onDone={() => setCrediting(false)} /> : null}
      </Modal>
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.approve ? 'Approve the withdrawal' : 'Reject the withdrawal'}
        centered
      >
        {deciding ? (
          <DecideForm
            withdrawal={deciding.withdrawal}
            approve={deciding.approve}
            onDone={() => setDeciding(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}
