// Route module for /sellers/:sellerId/products (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { ProductsView } from './views/products-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <ProductsView sellerId={sellerId} />;
}
