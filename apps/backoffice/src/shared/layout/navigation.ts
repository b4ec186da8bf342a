import type { ComponentType } from 'react';

import { IconGauge } from '../icons';

/**
 * The navbar's entries. Only routes that exist are listed; each feature adds
 * its entry here when its routes land (users, roles, products, imports...).
 */
export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  /** Active only on an exact match (for the index route). */
  end?: boolean;
}

export const navItems: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: IconGauge, end: true },
];
