import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FacetsPanelFacetsFragment } from '../../../generated/catalog';
import { facetValueLabel, priceRangeLabel, ratingLabel } from '../format';
import {
  attributeParam,
  formatPrice,
  setValue,
  toggleValue,
  type ParamsChange,
  type SearchState,
} from '../search-state';
import styles from './catalog.module.css';

export interface FacetsPanelProps {
  facets: FacetsPanelFacetsFragment;
  state: SearchState;
  onChange: (change: ParamsChange) => void;
  /** Where a category facet leads: a category page, or the search page with ?category=. */
  categoryHref: (slug: string) => string;
  /** The results' currency, for price labels; null when unknown. */
  currency: string | null;
}

/**
 * Every facet of the results with its count: categories as links, the rest as
 * checkboxes. Several brands, sellers or values of one attribute widen the results
 * (any of them); price and rating hold one choice each (checking one unchecks the
 * other); different facets narrow them together.
 */
export function FacetsPanel({ facets, state, onChange, categoryHref, currency }: FacetsPanelProps) {
  return (
    <div className={styles.facets}>
      {facets.categories.length ? (
        <nav aria-labelledby="facet-categories" className={styles.facet}>
          <h3 id="facet-categories" className={styles.facetTitle}>
            Categories
          </h3>
          <ul className={styles.facetList}>
            {facets.categories.map(({ category, count, selected }) => (
              <li key={category.id}>
                <Link
                  to={categoryHref(category.slug)}
                  className={styles.facetLink}
                  aria-current={selected ? 'true' : undefined}
                >
                  {category.name} <Count value={count} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <FacetGroup title="Availability">
        <Check
          label="In stock only"
          checked={state.inStockOnly}
          onChange={() => onChange(setValue('instock', state.inStockOnly ? null : '1'))}
        />
      </FacetGroup>

      {facets.brands.length ? (
        <FacetGroup title="Brand">
          {facets.brands.map((brand) => (
            <Check
              key={brand.value}
              label={brand.value}
              count={brand.count}
              checked={brand.selected || state.brands.includes(brand.value)}
              onChange={() => onChange(toggleValue('brand', brand.value))}
            />
          ))}
        </FacetGroup>
      ) : null}

      {facets.priceRanges.length ? (
        <FacetGroup title="Price">
          {facets.priceRanges.map((range) => {
            const param = formatPrice(range);
            const checked =
              state.price !== null &&
              state.price.min === range.min &&
              state.price.max === range.max;
            return (
              <Check
                key={param}
                label={priceRangeLabel(range, currency)}
                count={range.count}
                checked={checked}
                onChange={() => onChange(setValue('price', checked ? null : param))}
              />
            );
          })}
        </FacetGroup>
      ) : null}

      {facets.ratings.length ? (
        <FacetGroup title="Customer rating">
          {facets.ratings.map((rating) => {
            const checked = state.rating === rating.min;
            return (
              <Check
                key={rating.min}
                label={ratingLabel(rating.min)}
                count={rating.count}
                checked={checked}
                onChange={() => onChange(setValue('rating', checked ? null : String(rating.min)))}
              />
            );
          })}
        </FacetGroup>
      ) : null}

      {facets.sellers.length ? (
        <FacetGroup title="Seller">
          {facets.sellers.map(({ seller, count, selected }) => (
            <Check
              key={seller.id}
              label={seller.name}
              count={count}
              checked={selected || state.sellers.includes(seller.id)}
              onChange={() => onChange(toggleValue('seller', seller.id))}
            />
          ))}
        </FacetGroup>
      ) : null}

      {facets.attributes
        .filter((attribute) => attribute.values.length)
        .map((attribute) => {
          const selected = state.attributes.find((a) => a.key === attribute.key)?.values ?? [];
          return (
            <FacetGroup key={attribute.key} title={attribute.name}>
              {attribute.values.map((value) => (
                <Check
                  key={value.value}
                  label={facetValueLabel(value.value)}
                  count={value.count}
                  checked={value.selected || selected.includes(value.value)}
                  onChange={() => onChange(toggleValue(attributeParam(attribute.key), value.value))}
                />
              ))}
            </FacetGroup>
          );
        })}
    </div>
  );
}

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={styles.facet}>
      <legend className={styles.facetTitle}>{title}</legend>
      <div className={styles.facetList}>{children}</div>
    </fieldset>
  );
}

function Check({
  label,
  count,
  checked,
  onChange,
}: {
  label: string;
  count?: number;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={onChange} />
      <span>
        {label}
        {count === undefined ? null : (
          <>
            {' '}
            <Count value={count} />
          </>
        )}
      </span>
    </label>
  );
}

/** "(12)": part of the control's name, so screen readers hear it too. */
function Count({ value }: { value: number }) {
  return <span className={styles.count}>({value})</span>;
}
