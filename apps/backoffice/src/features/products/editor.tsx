// Route module for /sellers/:sellerId/products/new and /sellers/:sellerId/products/:productId.
import { useParams } from 'react-router';

import { ProductEditorView } from './views/product-editor-view';

export function Component() {
  const { sellerId = '', productId } = useParams();
  // The key starts a fresh editor when another product is opened.
  return <ProductEditorView key={productId ?? 'new'} sellerId={sellerId} productId={productId} />;
}
