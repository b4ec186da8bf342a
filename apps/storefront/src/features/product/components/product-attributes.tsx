import type { ProductAttributesProductFragment } from '../../../generated/product';
import styles from './product.module.css';

type Attribute = ProductAttributesProductFragment['attributes'][number];

function display(attribute: Attribute): string {
  if (attribute.type === 'BOOLEAN') return attribute.value === 'true' ? 'Yes' : 'No';
  return attribute.unit ? `${attribute.value} ${attribute.unit}` : attribute.value;
}

/** The product's attributes as a two-column table (name, value with its unit). */
export function ProductAttributes({ product }: { product: ProductAttributesProductFragment }) {
  if (!product.attributes.length) return null;
  return (
    <section className={styles.section} aria-labelledby="product-details">
      <h2 id="product-details">Details</h2>
      <table className={styles.attributes}>
        <tbody>
          {product.attributes.map((attribute) => (
            <tr key={attribute.key}>
              <th scope="row">{attribute.name}</th>
              <td>{display(attribute)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
