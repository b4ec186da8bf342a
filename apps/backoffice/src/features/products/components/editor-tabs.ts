import type { PublishProblemCode } from '../../../generated/graphql';

interface PublishProblem {
  code: PublishProblemCode;
  field?: string | null;
}

export type EditorTab = 'general' | 'attributes' | 'variants' | 'images' | 'seo' | 'offers';

/** Where the editor takes the user: a tab, and the form path of the input to focus there. */
export interface FieldTarget {
  tab: EditorTab;
  path: string | null;
}

const TAB_OF_ROOT: Record<string, EditorTab> = {
  title: 'general',
  description: 'general',
  slug: 'general',
  brand: 'general',
  tags: 'general',
  categoryId: 'general',
  category: 'general',
  attributes: 'attributes',
  options: 'variants',
  variants: 'variants',
  images: 'images',
  seoTitle: 'seo',
  seoDescription: 'seo',
};

/** The tab holding a form path ("variants.1.sku" -> variants). */
export function tabOfPath(path: string): EditorTab | null {
  const root = path.replace(/^input\./, '').split('.')[0] ?? '';
  return TAB_OF_ROOT[root] ?? null;
}

const TARGET_OF_CODE: Record<PublishProblemCode, FieldTarget> = {
  NO_TITLE: { tab: 'general', path: 'title.EN' },
  NO_CATEGORY: { tab: 'general', path: 'categoryId' },
  NO_IMAGE: { tab: 'images', path: 'images' },
  NO_VARIANT: { tab: 'variants', path: null },
  NO_PRICE: { tab: 'offers', path: 'offers' },
  DUPLICATE_BARCODE: { tab: 'variants', path: null },
  INVALID_ATTRIBUTES: { tab: 'attributes', path: null },
};

/**
 * Where to fix a publish problem. Its `field` is a dotted input path
 * ("variants.1.barcode", "attributes.0", "title"); attribute indexes refer to
 * the stored attributes and become the attribute's key here.
 */
export function problemTarget(
  problem: PublishProblem,
  attributeKeys: readonly string[],
): FieldTarget {
  const byCode = TARGET_OF_CODE[problem.code];
  const field = problem.field?.replace(/^input\./, '');
  // Prices live in offers, whatever field the problem names.
  if (!field || problem.code === 'NO_PRICE') return byCode;
  const [root = '', second, third] = field.split('.');
  switch (root) {
    case 'title':
    case 'description':
    case 'seoTitle':
    case 'seoDescription':
      return { tab: tabOfPath(root) ?? byCode.tab, path: `${root}.EN` };
    case 'category':
    case 'categoryId':
      return { tab: 'general', path: 'categoryId' };
    case 'attributes': {
      if (second === undefined) return { tab: 'attributes', path: null };
      const key = /^\d+$/.test(second) ? attributeKeys[Number(second)] : second;
      return { tab: 'attributes', path: key ? `attributes.${key}` : null };
    }
    case 'variants':
      if (second === undefined || !/^\d+$/.test(second)) return { tab: 'variants', path: null };
      return { tab: 'variants', path: `variants.${second}.${third ?? 'sku'}` };
    case 'images':
      return { tab: 'images', path: 'images' };
    default:
      return { tab: tabOfPath(root) ?? byCode.tab, path: tabOfPath(root) ? field : byCode.path };
  }
}
