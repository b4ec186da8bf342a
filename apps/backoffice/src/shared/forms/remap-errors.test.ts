import { describe, expect, it } from 'vitest';

import { remapErrorFields } from './remap-errors';

describe('remapErrorFields', () => {
  const fieldMap = {
    'variants.1': 'variants.1.sku',
    'attributes.0': 'attributes.fit',
    'attributes.0.*': 'attributes.fit',
    'title.1.value': 'title.ZH_CN',
  };
  const remap = (field: string | null) =>
    remapErrorFields([{ code: 'X', field, message: 'm' }], fieldMap)[0]?.field;

  it('renames exact paths and paths below a `.*` entry, ignoring the input. prefix', () => {
    expect(remap('variants.1')).toBe('variants.1.sku');
    expect(remap('input.attributes.0')).toBe('attributes.fit');
    expect(remap('attributes.0.value')).toBe('attributes.fit');
    expect(remap('title.1.value')).toBe('title.ZH_CN');
  });

  it('leaves other paths alone, even below an exact-only entry', () => {
    expect(remap('variants.1.barcode')).toBe('variants.1.barcode');
    expect(remap('input.slug')).toBe('slug');
    expect(remap(null)).toBeNull();
  });
});
