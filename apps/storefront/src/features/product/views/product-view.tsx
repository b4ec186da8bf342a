import { useQuery } from '@apollo/client/react';
import { useParams, useSearchParams } from 'react-router';
import { ProductPageDocument, type ProductPageQuery } from '../../../generated/product';
import { Breadcrumbs } from '../../../shared/catalog/breadcrumbs';
import { Rating } from '../../../shared/catalog/rating';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useMetaDescription } from '../../../shared/hooks/use-meta-description';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { LoadingState } from '../../../shared/ui/loading-state';
import { PublicPageFallback } from '../../../shared/ui/public-page-fallback';
import { Skeleton } from '../../../shared/ui/skeleton';
import { BuyBox } from '../components/buy-box';
import { Markdown } from '../components/markdown';
import { OfferList } from '../components/offer-list';
import { ProductAttributes } from '../components/product-attributes';
import { ProductGallery } from '../components/product-gallery';
import { ProductQrCode } from '../components/product-qr-code';
import { VariantPicker } from '../components/variant-picker';
import styles from '../components/product.module.css';
import { pickBuyBox } from '../offers';
import { excerpt } from '../seo';

type Product = NonNullable<ProductPageQuery['product']>;

/**
 * /p/:slug: gallery, title, brand, rating, variant picker, buy box, description,
 * details, every seller's offer and the QR code. The selected variant is in the URL
 * (?variant=), so a link opens the same one.
 */
export function ProductView() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(ProductPageDocument, { variables: { slug } });
  const { retry, retrying } = useRetry(refetch);
  const product = data?.product;
  useDocumentTitle(
    product ? product.seoTitle || product.title : data ? 'Product not found' : undefined,
  );
  useMetaDescription(
    product ? product.seoDescription || excerpt(product.description) || undefined : undefined,
  );

  if (!product) {
    if (!data && !error) return <ProductSkeleton />;
    return (
      <Container className={styles.page}>
        <PublicPageFallback
          thing="product"
          missing={Boolean(data)}
          notFoundText="No product has this address. It may have been removed, or the link may be incomplete."
          error={error}
          loading={loading}
          onRetry={retry}
          retrying={retrying}
        />
      </Container>
    );
  }

  const variant = selectedVariant(product, params.get('variant'));
  const offers = variant?.offers ?? [];
  const buyBox =
    (product.buyBox && product.buyBox.variant.id === variant?.id
      ? offers.find((offer) => offer.id === product.buyBox?.id)
      : undefined) ?? pickBuyBox(offers);

  const selectVariant = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('variant', id);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const category = product.category;
  return (
    <Container className={styles.page}>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Home' },
          ...(category
            ? [
                ...category.ancestors.map((a) => ({ to: `/c/${a.slug}`, label: a.name })),
                { to: `/c/${category.slug}`, label: category.name },
              ]
            : []),
          { label: product.title },
        ]}
      />
      <div className={styles.top}>
        <ProductGallery images={product.images} title={product.title} />
        <div className={styles.summary}>
          <h1 className={styles.title}>{product.title}</h1>
          {product.brand ? <p className={styles.brand}>by {product.brand}</p> : null}
          <Rating average={product.ratingAverage} count={product.ratingCount} />
          {variant ? (
            <VariantPicker product={product} selectedId={variant.id} onSelect={selectVariant} />
          ) : null}
          <BuyBox offer={buyBox} />
        </div>
      </div>
      {product.description.trim() ? (
        <section className={styles.section} aria-labelledby="product-description">
          <h2 id="product-description">Description</h2>
          <Markdown source={product.description} />
        </section>
      ) : null}
      <ProductAttributes product={product} />
      <OfferList
        offers={offers}
        buyBoxId={buyBox && buyBox.stockStatus !== 'OUT_OF_STOCK' ? buyBox.id : null}
      />
      <ProductQrCode
        svgUrl={product.qrCodeSvgUrl}
        pngUrl={product.qrCodePngUrl}
        slug={product.slug}
      />
    </Container>
  );
}

/** The variant in the URL, else the buy box's, else the first one someone offers, else the first. */
function selectedVariant(product: Product, requested: string | null) {
  return (
    product.variants.find((variant) => variant.id === requested) ??
    product.variants.find((variant) => variant.id === product.buyBox?.variant.id) ??
    product.variants.find((variant) => variant.offers.length) ??
    product.variants[0]
  );
}

function ProductSkeleton() {
  return (
    <Container className={styles.page}>
      <LoadingState label="Loading the product">
        <div className={styles.top}>
          <Skeleton height="auto" className={styles.skeletonImage} />
          <div className={styles.summary}>
            <Skeleton width="80%" height="2.25rem" />
            <Skeleton width="30%" />
            <Skeleton width="40%" height="2rem" />
            <Skeleton height="8rem" />
          </div>
        </div>
      </LoadingState>
    </Container>
  );
}
