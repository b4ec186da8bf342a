import styles from './product.module.css';

/** The QR code that opens this page, for scan-to-buy in stores, with PNG and SVG downloads. */
export function ProductQrCode({
  svgUrl,
  pngUrl,
  slug,
}: {
  svgUrl: string;
  pngUrl: string;
  slug: string;
}) {
  return (
    <section className={styles.section} aria-labelledby="product-qr">
      <h2 id="product-qr">Scan to buy</h2>
      <div className={styles.qr}>
        <img
          src={svgUrl}
          width={160}
          height={160}
          alt="QR code that opens this product's page"
          loading="lazy"
          decoding="async"
        />
        <p className={styles.qrText}>
          Scan it with a phone to open this page, in a store or from a printed label.
        </p>
        <p className={styles.qrLinks}>
          <a href={pngUrl} download={`${slug}-qr.png`}>
            Download PNG
          </a>
          <a href={svgUrl} download={`${slug}-qr.svg`}>
            Download SVG
          </a>
        </p>
      </div>
    </section>
  );
}
