// Route module for /tax-rates (lazy-loaded by app/routes.tsx).
import { TaxRatesView } from './views/tax-rates-view';

export function Component() {
  return <TaxRatesView />;
}
