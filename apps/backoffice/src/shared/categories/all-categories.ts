// The whole category tree, loaded flat: `categories(allLevels: true)` lists
// every category (top level first, then each level in position order), each
// with `parent { id }`, and the client builds the tree. Nesting
// `children { children { … } }` selections instead stops at a fixed depth and
// is refused by the API's query cost limit.
//
// Pages of 50: the cost rule multiplies a connection's selection by a literal
// `first`, so a page of 50 with a component's fragment costs about half the
// limit (apps/api/src/common/graphql/spa-documents.test.ts checks it).
import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';

/** The deepest level the API lists (0 = top level), like its MAX_CATEGORY_DEPTH. */
export const MAX_CATEGORY_DEPTH = 20;

/** What a node of an all-levels page carries at least. */
export interface FlatCategoryNode {
  id: string;
  position: number;
  parent: { id: string } | null;
}

/** The shape of a `categories(first: 50, after: $after, allLevels: true)` query. */
export interface AllLevelsPage<Node extends FlatCategoryNode> {
  categories: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: readonly { node: Node }[];
  };
}

type NodeOf<Data extends AllLevelsPage<FlatCategoryNode>> =
  Data['categories']['edges'][number]['node'];

export type CategoryTreeNode<Node> = Node & { children: CategoryTreeNode<Node>[] };

function byPosition<Node extends FlatCategoryNode>(a: Node, b: Node): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

/**
 * The tree of a flat list: the top-level categories, each with its `children`
 * (recursively), siblings in position order. A category whose parent is not in
 * the list is shown at the top level rather than lost.
 */
export function buildCategoryTree<Node extends FlatCategoryNode>(
  list: readonly Node[],
): CategoryTreeNode<Node>[] {
  const nodes = new Map<string, CategoryTreeNode<Node>>(
    list.map((node) => [node.id, { ...node, children: [] }]),
  );
  const roots: CategoryTreeNode<Node>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent ? nodes.get(node.parent.id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort(byPosition);
  return roots.sort(byPosition);
}

export interface AllCategories<Node> {
  /** Every category, flat; null until every page has arrived once. */
  categories: readonly Node[] | null;
  /** Why the first page or a further one failed. */
  error: unknown;
  /** Try again after an error (goes on from the page that failed). */
  retry: () => void;
}

/**
 * Runs an all-levels categories query (variables: `after` only) and fetches
 * the following pages until the last one. While the list is reloaded (after a
 * `refetchQueries` by the query's name, say) the last complete list stays.
 */
export function useAllCategories<Data extends AllLevelsPage<FlatCategoryNode>>(
  document: TypedDocumentNode<Data, { after?: string | null }>,
): AllCategories<NodeOf<Data>> {
  const { data, error, fetchMore, refetch } = useQuery(document, { variables: { after: null } });
  const [moreError, setMoreError] = useState<unknown>(null);
  const page = (data as Data | undefined)?.categories;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;

  useEffect(() => {
    if (!next || moreError) return;
    let active = true;
    fetchMore({
      variables: { after: next },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = (previous as Data).categories;
        // Appended already (a second effect run) or reloaded meanwhile: keep what is there.
        if (before.pageInfo.endCursor !== next) return previous;
        const more = (fetchMoreResult as Data).categories;
        return {
          ...fetchMoreResult,
          categories: { ...more, edges: [...before.edges, ...more.edges] },
        } as typeof previous;
      },
    }).catch((thrown: unknown) => {
      if (active) setMoreError(thrown);
    });
    return () => {
      active = false;
    };
  }, [next, moreError, fetchMore]);

  const complete = page && !page.pageInfo.hasNextPage ? page.edges : null;
  const [shown, setShown] = useState(complete);
  if (complete && complete !== shown) setShown(complete);
  const edges = complete ?? shown;
  const categories = useMemo(
    () => (edges?.map((edge) => edge.node) as NodeOf<Data>[] | undefined) ?? null,
    [edges],
  );

  const retry = useCallback(() => {
    if (moreError) setMoreError(null);
    else void refetch().catch(() => undefined);
  }, [moreError, refetch]);

  return { categories, error: error ?? moreError, retry };
}
