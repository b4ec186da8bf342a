import type { FacetsPanelFacetsFragment } from '../../../generated/catalog';
import { facetValueLabel, priceRangeLabel, ratingLabel } from '../format';
import {
  attributeParam,
  clearFilters,
  setValue,
  toggleValue,
  type ParamsChange,
  type SearchState,
} from '../search-state';
import styles from './catalog.module.css';

export interface SelectedFiltersProps {
  state: SearchState;
  facets: FacetsPanelFacetsFragment | undefined;
  onChange: (change: ParamsChange) => void;
  currency: string | null;
  /** The name of the category filter (search page), when known. */
  categoryName?: string;
}

interface Chip {
  key: string;
  label: string;
  change: ParamsChange;
}

/** The filters in force as removable chips, and "Clear all". */
export function SelectedFilters({
  state,
  facets,
  onChange,
  currency,
  categoryName,
}: SelectedFiltersProps) {
  const chips: Chip[] = [];
  if (state.category) {
    chips.push({
      key: 'category',
      label: `Category: ${categoryName ?? state.category}`,
      change: setValue('category', null),
    });
  }
  if (state.inStockOnly) {
    chips.push({ key: 'instock', label: 'In stock only', change: setValue('instock', null) });
  }
  for (const brand of state.brands) {
    chips.push({
      key: `brand-${brand}`,
      label: `Brand: ${brand}`,
      change: toggleValue('brand', brand),
    });
  }
  if (state.price) {
    chips.push({
      key: 'price',
      label: `Price: ${priceRangeLabel(state.price, currency)}`,
      change: setValue('price', null),
    });
  }
  if (state.rating) {
    chips.push({
      key: 'rating',
      label: `Rating: ${ratingLabel(state.rating)}`,
      change: setValue('rating', null),
    });
  }
  for (const id of state.sellers) {
    const name = facets?.sellers.find((facet) => facet.seller.id === id)?.seller.name;
    chips.push({
      key: `seller-${id}`,
      label: `Seller: ${name ?? id}`,
      change: toggleValue('seller', id),
    });
  }
  for (const { key, values } of state.attributes) {
    const name = facets?.attributes.find((facet) => facet.key === key)?.name ?? key;
    for (const value of values) {
      chips.push({
        key: `attr-${key}-${value}`,
        label: `${name}: ${facetValueLabel(value)}`,
        change: toggleValue(attributeParam(key), value),
      });
    }
  }
  if (!chips.length) return null;

  return (
    <div className={styles.chips}>
      <ul className={styles.chipList} aria-label="Selected filters">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className={styles.chip}
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onChange(chip.change)}
            >
              {chip.label}
              <span aria-hidden="true" className={styles.chipX}>
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={styles.clearAll} onClick={() => onChange(clearFilters)}>
        Clear all filters
      </button>
    </div>
  );
}
