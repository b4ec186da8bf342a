import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';

import {
  OrderAcceptDocument,
  OrderCompleteDocument,
  OrderDeliverDocument,
  OrderMarkPaidDocument,
  OrderPackDocument,
  type OrderAction,
  type OrderDetail_OrderFragment,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { describeError } from '../../../shared/feedback/describe-error';
import { CancelForm } from './cancel-form';
import { actionLabel } from './order-action-labels';
import { RefundForm } from './refund-form';
import { ShipForm } from './ship-form';

/** Buttons in this order, whatever order the API lists them in. */
const ACTION_ORDER: OrderAction[] = [
  'MARK_PAID',
  'ACCEPT',
  'PACK',
  'SHIP',
  'DELIVER',
  'COMPLETE',
  'REFUND',
  'CANCEL',
];

type DirectAction = 'ACCEPT' | 'PACK' | 'DELIVER' | 'COMPLETE' | 'MARK_PAID';
type FormAction = 'SHIP' | 'CANCEL' | 'REFUND';

const DONE_MESSAGES: Record<DirectAction, string> = {
  ACCEPT: 'accepted',
  PACK: 'marked packed',
  DELIVER: 'delivered',
  COMPLETE: 'completed',
  MARK_PAID: 'marked paid',
};

/**
 * What the viewer may do with the order now: exactly the API's
 * `allowedActions` (optionally narrowed by `only`). Ship, cancel and refund
 * ask for details first; the others run at once. Every action returns the
 * order, which updates the page through the cache.
 */
export function OrderActions({
  order,
  only,
}: {
  order: OrderDetail_OrderFragment;
  only?: readonly OrderAction[];
}) {
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [running, setRunning] = useState<DirectAction | null>(null);
  const [form, setForm] = useState<FormAction | null>(null);
  const [accept] = useMutation(OrderAcceptDocument);
  const [pack] = useMutation(OrderPackDocument);
  const [deliver] = useMutation(OrderDeliverDocument);
  const [complete] = useMutation(OrderCompleteDocument);
  const [markPaid] = useMutation(OrderMarkPaidDocument);

  const actions = ACTION_ORDER.filter(
    (action) => order.allowedActions.includes(action) && (!only || only.includes(action)),
  );

  const run = async (action: DirectAction) => {
    setErrors([]);
    setRunning(action);
    const variables = { id: order.id };
    try {
      let result: readonly PayloadError[] | undefined;
      if (action === 'ACCEPT') result = (await accept({ variables })).data?.orderAccept.errors;
      if (action === 'PACK') result = (await pack({ variables })).data?.orderPack.errors;
      if (action === 'DELIVER') result = (await deliver({ variables })).data?.orderDeliver.errors;
      if (action === 'COMPLETE')
        result = (await complete({ variables })).data?.orderComplete.errors;
      if (action === 'MARK_PAID')
        result = (await markPaid({ variables })).data?.orderMarkPaid.errors;
      if (!result) return;
      if (result.length > 0) {
        setErrors([...result]);
        return;
      }
      const done =
        action === 'DELIVER' && order.channel === 'OFFLINE' ? 'handed over' : DONE_MESSAGES[action];
      toast.success(`Order #${order.number} ${done}.`);
    } catch (error) {
      setErrors([{ code: 'UNEXPECTED', field: null, message: describeError(error) }]);
    } finally {
      setRunning(null);
    }
  };

  const refundable = order.total.amount - order.refundedTotal.amount;
  const close = () => setForm(null);

  if (actions.length === 0 && errors.length === 0) return null;
  return (
    <Stack gap="xs">
      <FormErrors errors={errors} title="The order was not changed" />
      <Group gap="xs" role="group" aria-label="Order actions">
        {actions.map((action) => {
          const label = actionLabel(action, order);
          if (action === 'SHIP' || action === 'CANCEL' || action === 'REFUND') {
            return (
              <Button
                key={action}
                variant={action === 'SHIP' ? 'filled' : 'default'}
                color={action === 'CANCEL' ? 'red' : undefined}
                onClick={() => {
                  setErrors([]);
                  setForm(action);
                }}
              >
                {label}
              </Button>
            );
          }
          return (
            <Button
              key={action}
              loading={running === action}
              disabled={running !== null && running !== action}
              onClick={() => void run(action)}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      <Modal
        opened={form === 'SHIP'}
        onClose={close}
        title={`Ship order #${order.number}`}
        centered
      >
        {form === 'SHIP' ? (
          <ShipForm orderId={order.id} orderNumber={order.number} onDone={close} />
        ) : null}
      </Modal>
      <Modal
        opened={form === 'CANCEL'}
        onClose={close}
        title={`Cancel order #${order.number}?`}
        centered
      >
        {form === 'CANCEL' ? (
          <CancelForm
            orderId={order.id}
            orderNumber={order.number}
            paid={order.paid}
            onDone={close}
          />
        ) : null}
      </Modal>
      <Modal
        opened={form === 'REFUND'}
        onClose={close}
        title={`Refund order #${order.number}`}
        centered
      >
        {form === 'REFUND' ? (
          <RefundForm
            orderId={order.id}
            orderNumber={order.number}
            currency={order.total.currency}
            refundable={refundable}
            onDone={close}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
