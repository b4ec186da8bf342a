import type { CategoryTree_CategoryFragment } from '../../../generated/graphql';

export interface CategoryNode extends CategoryTree_CategoryFragment {
  children?: readonly CategoryNode[];
}

export interface FlatCategory {
  node: CategoryNode;
  depth: number;
  parentId: string | null;
  /** "Home › Kitchen › Knives". */
  path: string;
}

function byPosition(nodes: readonly CategoryNode[]): CategoryNode[] {
  return [...nodes].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

export function sortedChildren(node: CategoryNode): CategoryNode[] {
  return byPosition(node.children ?? []);
}

/** Depth first, in position order. */
export function flattenTree(roots: readonly CategoryNode[]): FlatCategory[] {
  const flat: FlatCategory[] = [];
  const visit = (nodes: readonly CategoryNode[], depth: number, parent: FlatCategory | null) => {
    for (const node of byPosition(nodes)) {
      const entry: FlatCategory = {
        node,
        depth,
        parentId: parent?.node.id ?? null,
        path: parent ? `${parent.path} › ${node.name}` : node.name,
      };
      flat.push(entry);
      visit(node.children ?? [], depth + 1, entry);
    }
  };
  visit(roots, 0, null);
  return flat;
}

/** The category and everything below it: none of them can become its parent. */
export function subtreeIds(flat: readonly FlatCategory[], id: string): Set<string> {
  const ids = new Set([id]);
  for (const entry of flat) {
    if (entry.parentId && ids.has(entry.parentId)) ids.add(entry.node.id);
  }
  return ids;
}
