// Route module for the dashboard (lazy-loaded by app/routes.tsx).
import { useAccess, useCurrentSeller } from '../../shared/access/use-access';
import { SellerBalanceCard } from './components/seller-balance-card';
import { DashboardView } from './views/dashboard-view';

export function Component() {
  const access = useAccess();
  const { current } = useCurrentSeller();
  const seller = current && access.can('ORDERS_READ', current.seller.id) ? current.seller : null;
  return (
    <DashboardView
      sellerCards={
        seller ? <SellerBalanceCard sellerId={seller.id} sellerName={seller.name} /> : null
      }
    />
  );
}
