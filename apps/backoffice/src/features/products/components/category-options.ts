import type { CategoryOption_CategoryFragment } from '../../../generated/graphql';

interface TreeNode extends CategoryOption_CategoryFragment {
  children?: readonly TreeNode[];
}

export interface CategoryOption {
  id: string;
  slug: string;
  name: string;
  /** 0 for a top-level category. */
  depth: number;
  /** "Home › Kitchen › Knives". */
  path: string;
}

/** The category tree, depth first in position order, for a select. */
export function flattenCategories(roots: readonly TreeNode[]): CategoryOption[] {
  const options: CategoryOption[] = [];
  const visit = (nodes: readonly TreeNode[], depth: number, parents: string[]) => {
    const sorted = [...nodes].sort((a, b) => a.position - b.position);
    for (const node of sorted) {
      const path = [...parents, node.name];
      options.push({
        id: node.id,
        slug: node.slug,
        name: node.name,
        depth,
        path: path.join(' › '),
      });
      if (node.children?.length) visit(node.children, depth + 1, path);
    }
  };
  visit(roots, 0, []);
  return options;
}

/** NativeSelect data: indented names (a native select cannot nest). */
export function categorySelectData(
  options: readonly CategoryOption[],
  emptyLabel: string,
): { value: string; label: string }[] {
  return [
    { value: '', label: emptyLabel },
    ...options.map((option) => ({
      value: option.id,
      label: `${'\u00a0\u00a0\u00a0'.repeat(option.depth)}${option.name}`,
    })),
  ];
}
