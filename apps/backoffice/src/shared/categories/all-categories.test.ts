import { describe, expect, it } from 'vitest';

import { buildCategoryTree, type CategoryTreeNode, type FlatCategoryNode } from './all-categories';

const node = (id: string, position: number, parentId: string | null = null): FlatCategoryNode => ({
  id,
  position,
  parent: parentId ? { id: parentId } : null,
});

const shape = (nodes: readonly CategoryTreeNode<FlatCategoryNode>[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.id, shape(n.children)] : n.id));

describe('buildCategoryTree', () => {
  it('nests each category under its parent, siblings by position then id, whatever the list order', () => {
    const list = [
      node('knives', 0, 'kitchen'),
      node('b-mugs', 1, 'kitchen'),
      node('a-cups', 1, 'kitchen'),
      node('kitchen', 1),
      node('garden', 0),
      node('chef', 0, 'knives'),
    ];
    expect(shape(buildCategoryTree(list))).toEqual([
      'garden',
      ['kitchen', [['knives', ['chef']], 'a-cups', 'b-mugs']],
    ]);
    // The input is left as it was.
    expect(list[3]).toEqual(node('kitchen', 1));
  });

  it('keeps a category whose parent is missing, at the top level', () => {
    expect(shape(buildCategoryTree([node('tools', 0, 'gone'), node('home', 1)]))).toEqual([
      'tools',
      'home',
    ]);
    expect(buildCategoryTree([])).toEqual([]);
  });
});
