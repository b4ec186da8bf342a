import { describe, expect, it } from 'vitest';
import {
  cleanAttributes,
  cleanOptionValues,
  isValidBarcode,
  normaliseSlug,
  parseDefinitions,
  slugify,
  storedAttributeProblems,
} from './catalog.validation.js';

describe('catalog validation', () => {
  it('accepts GTIN barcodes with a valid check digit only', () => {
    for (const code of [
      '96385074',
      '036000291452',
      '4006381333931',
      '5901234123457',
      '10614141000415',
    ])
      expect(isValidBarcode(code), code).toBe(true);
    for (const code of [
      '96385075',
      '036000291453',
      '4006381333932',
      '123456789',
      '40063813339 1',
      '',
      '00000000000000000',
    ])
      expect(isValidBarcode(code), code).toBe(false);
  });

  it('makes slugs from titles and checks given ones', () => {
    expect(slugify('  Crème Brûlée & Co. — 2 pack!')).toBe('creme-brulee-co-2-pack');
    expect(slugify('亚麻衬衫')).toBe('product');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
    expect(normaliseSlug(' Linen-Shirt ')).toBe('linen-shirt');
    for (const bad of ['linen shirt', 'linen--shirt', '-linen', 'linen_', 'linén'])
      expect(normaliseSlug(bad)).toBeNull();
  });

  it('parses attribute values by type and reports problems', () => {
    const definitions = parseDefinitions([
      { key: 'watts', name: { en: 'Watts' }, type: 'NUMBER', required: true },
      { key: 'dimmable', name: 'Dimmable', type: 'BOOLEAN' },
      { key: 'finish', name: { en: 'Finish' }, type: 'ENUM', options: ['Matte', 'Gloss'] },
      { key: 'broken', type: 'DATE' },
    ]);
    expect(definitions.map((d) => d.key)).toEqual(['watts', 'dimmable', 'finish']);
    expect(
      cleanAttributes(
        [
          { key: 'watts', value: '-12.5' },
          { key: 'dimmable', value: 'No' },
          { key: 'finish', value: 'gloss' },
        ],
        definitions,
      ),
    ).toEqual({ attributes: { watts: -12.5, dimmable: false, finish: 'Gloss' }, problems: [] });
    const { problems } = cleanAttributes(
      [
        { key: 'watts', value: '1e3' },
        { key: 'finish', value: 'satin' },
        { key: 'finish', value: 'Matte' },
        { key: 'colour', value: 'red' },
      ],
      definitions,
    );
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(
      storedAttributeProblems({ dimmable: 'yes', extra: 1 }, definitions).map((p) => p.key),
    ).toEqual(['extra', 'watts']);
  });

  it('checks option values against the product options, case-insensitively', () => {
    const options = [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Red'] },
    ];
    expect(
      cleanOptionValues(
        [
          { name: 'colour', value: 'RED' },
          { name: 'size', value: 'm' },
        ],
        options,
      ),
    ).toEqual({ values: { Size: 'M', Colour: 'Red' } });
    expect(cleanOptionValues([{ name: 'Size', value: 'S' }], options)).toMatchObject({
      problem: { index: null },
    });
    expect(cleanOptionValues([{ name: 'Fit', value: 'Slim' }], options)).toMatchObject({
      problem: { index: 0 },
    });
  });
});
