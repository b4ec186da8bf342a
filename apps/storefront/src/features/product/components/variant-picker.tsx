import { useId } from 'react';
import type { VariantPickerProductFragment } from '../../../generated/product';
import { isBuyable } from '../offers';
import styles from './product.module.css';

type Variant = VariantPickerProductFragment['variants'][number];

export interface VariantPickerProps {
  product: VariantPickerProductFragment;
  selectedId: string;
  onSelect: (variantId: string) => void;
}

function valueOf(variant: Variant, name: string): string | undefined {
  return variant.optionValues.find((option) => option.name === name)?.value;
}

/** A variant someone offers (in stock or not); others cannot be picked. */
function isOffered(variant: Variant | undefined): variant is Variant {
  return Boolean(variant && variant.offers.length);
}

/**
 * One radio group per option (Size, Colour...). Picking a value selects the variant
 * with that value and the other options as they are; a value whose combination
 * does not exist, or that no seller offers, is disabled. Values whose variant is
 * out of stock everywhere stay selectable and say so.
 */
export function VariantPicker({ product, selectedId, onSelect }: VariantPickerProps) {
  const id = useId();
  const selected = product.variants.find((variant) => variant.id === selectedId);
  if (!selected || product.variants.length < 2) return null;

  // A product without named options: one group of variant titles.
  if (!product.options.length) {
    return (
      <fieldset className={styles.option}>
        <legend className={styles.optionLegend}>Variant</legend>
        <div className={styles.optionValues}>
          {product.variants.map((variant) => (
            <Choice
              key={variant.id}
              name={`${id}-variant`}
              label={variant.title}
              checked={variant.id === selectedId}
              disabled={!isOffered(variant)}
              soldOut={isSoldOut(variant)}
              onChange={() => onSelect(variant.id)}
            />
          ))}
        </div>
      </fieldset>
    );
  }

  const find = (name: string, value: string) =>
    product.variants.find((variant) =>
      product.options.every((option) =>
        option.name === name
          ? valueOf(variant, option.name) === value
          : valueOf(variant, option.name) === valueOf(selected, option.name),
      ),
    );

  return (
    <div className={styles.picker}>
      {product.options.map((option, optionIndex) => {
        const current = valueOf(selected, option.name);
        return (
          <fieldset key={option.name} className={styles.option}>
            <legend className={styles.optionLegend}>
              {option.name}
              {current ? <span className={styles.optionCurrent}>: {current}</span> : null}
            </legend>
            <div className={styles.optionValues}>
              {option.values.map((value) => {
                const variant = find(option.name, value);
                return (
                  <Choice
                    key={value}
                    name={`${id}-${optionIndex}`}
                    label={value}
                    checked={value === current}
                    disabled={!isOffered(variant)}
                    soldOut={isOffered(variant) && isSoldOut(variant)}
                    onChange={() => {
                      if (isOffered(variant)) onSelect(variant.id);
                    }}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

function isSoldOut(variant: Variant): boolean {
  return !variant.offers.some(
    (offer) => isBuyable(offer.stockStatus) || offer.stockStatus === 'BACKORDER',
  );
}

function Choice({
  name,
  label,
  checked,
  disabled,
  soldOut,
  onChange,
}: {
  name: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  soldOut: boolean;
  onChange: () => void;
}) {
  return (
    <label
      className={[
        styles.choice,
        checked ? styles.choiceChecked : '',
        disabled ? styles.choiceDisabled : '',
        soldOut ? styles.choiceSoldOut : '',
      ].join(' ')}
    >
      <input
        type="radio"
        className="visually-hidden"
        name={name}
        value={label}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
      />
      {label}
      {disabled ? (
        <span className="visually-hidden"> (unavailable)</span>
      ) : soldOut ? (
        <span className="visually-hidden"> (out of stock)</span>
      ) : null}
    </label>
  );
}
