import type { ComponentType } from 'react';

import { requirements, type Access, type Requirement } from '../access/access';
import {
  IconCashRegister,
  IconCode,
  IconCoupon,
  IconFileImport,
  IconFolders,
  IconGauge,
  IconKey,
  IconList,
  IconMapPin,
  IconPackage,
  IconPercent,
  IconReceipt,
  IconReport,
  IconShield,
  IconShop,
  IconTag,
  IconTruck,
  IconUsers,
  IconWallet,
  IconWarehouse,
} from '../icons';

/**
 * The navbar's entries, each shown only when the viewer holds what its route
 * requires (the same `requirements` the routes check). Seller entries point
 * at the current seller.
 */
export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  /** Active only on an exact match (for the index route). */
  end?: boolean;
  requires?: Requirement;
}

export interface NavSection {
  id: string;
  /** Heading above the section's items; none for the first. */
  label?: string;
  items: NavItem[];
}

export function navSections(access: Access, sellerId: string | null): NavSection[] {
  const sections: NavSection[] = [
    {
      id: 'overview',
      items: [{ to: '/', label: 'Dashboard', icon: IconGauge, end: true }],
    },
    {
      id: 'platform',
      label: 'Platform',
      items: [
        { to: '/users', label: 'Users', icon: IconUsers, requires: requirements.users },
        { to: '/roles', label: 'Roles', icon: IconShield, requires: requirements.roles },
        {
          to: '/signing-keys',
          label: 'Signing keys',
          icon: IconKey,
          requires: requirements.signingKeys,
        },
        { to: '/audit', label: 'Audit log', icon: IconList, requires: requirements.audit },
        {
          to: '/categories',
          label: 'Categories',
          icon: IconFolders,
          requires: requirements.categories,
        },
        {
          to: '/tax-rates',
          label: 'Tax rates',
          icon: IconPercent,
          requires: requirements.taxRates,
        },
        {
          to: '/coupons',
          label: 'Platform coupons',
          icon: IconCoupon,
          requires: requirements.platformCoupons,
        },
        { to: '/wallets', label: 'Wallets', icon: IconWallet, requires: requirements.wallets },
      ],
    },
  ];
  const seller = access.seller(sellerId);
  if (seller) {
    const base = `/sellers/${encodeURIComponent(seller.seller.id)}`;
    sections.push({
      id: 'seller',
      label: seller.seller.name,
      items: [
        { to: `${base}/orders`, label: 'Orders', icon: IconReceipt, requires: requirements.orders },
        {
          to: `${base}/counter-sale`,
          label: 'Counter sale',
          icon: IconCashRegister,
          requires: requirements.counterSale,
        },
        {
          to: `${base}/profile`,
          label: 'Shop profile',
          icon: IconShop,
          requires: requirements.shopProfile,
        },
        {
          to: `${base}/products`,
          label: 'Products',
          icon: IconPackage,
          requires: requirements.products,
        },
        { to: `${base}/offers`, label: 'Offers', icon: IconTag, requires: requirements.offers },
        {
          to: `${base}/inventory/locations`,
          label: 'Stock locations',
          icon: IconWarehouse,
          requires: requirements.inventory,
        },
        {
          to: `${base}/inventory/reports`,
          label: 'Stock reports',
          icon: IconReport,
          requires: requirements.inventory,
        },
        {
          to: `${base}/imports`,
          label: 'Import and export',
          icon: IconFileImport,
          requires: requirements.imports,
        },
        {
          to: `${base}/shipping`,
          label: 'Shipping methods',
          icon: IconTruck,
          requires: requirements.shipping,
        },
        {
          to: `${base}/coupons`,
          label: 'Coupons',
          icon: IconCoupon,
          requires: requirements.sellerCoupons,
        },
        { to: `${base}/stores`, label: 'Stores', icon: IconMapPin, requires: requirements.stores },
        { to: `${base}/staff`, label: 'Staff', icon: IconUsers, requires: requirements.staff },
      ],
    });
  }
  sections.push({
    id: 'developer',
    label: 'Developer',
    items: [{ to: '/api-keys', label: 'API keys', icon: IconCode }],
  });

  return sections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => access.allows(item.requires, seller?.seller.id)),
    }))
    .filter((section) => section.items.length > 0);
}
