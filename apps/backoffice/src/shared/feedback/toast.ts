import { notifications, type NotificationData } from '@mantine/notifications';
import type { ReactNode } from 'react';

import { describeError } from './describe-error';

/**
 * Toasts, one vocabulary for the whole back-office: `success` after a change
 * went through, `error` when it did not (with the reason), `info` otherwise.
 * Mutation forms show field errors inline (see shared/forms); a toast is for
 * the outcome of an action, not a substitute for those.
 */
type ToastInput = string | (Omit<NotificationData, 'color' | 'message'> & { message: ReactNode });

function normalise(input: ToastInput): Omit<NotificationData, 'color'> {
  return typeof input === 'string' ? { message: input } : input;
}

export const toast = {
  success(input: ToastInput): string {
    return notifications.show({ autoClose: 4000, ...normalise(input), color: 'teal' });
  },
  info(input: ToastInput): string {
    return notifications.show({ autoClose: 4000, ...normalise(input), color: 'blue' });
  },
  /** Errors stay longer, and accept the thrown value itself. */
  error(input: ToastInput | { title?: ReactNode; error: unknown }): string {
    const data =
      typeof input === 'object' && 'error' in input
        ? { title: input.title, message: describeError(input.error) }
        : normalise(input);
    return notifications.show({ autoClose: 8000, ...data, color: 'red' });
  },
  hide(id: string): void {
    notifications.hide(id);
  },
};
