import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, EmptyState, Group, Text } from '@mantine/core';
import { useState } from 'react';

import { CategoryDeleteDocument, CategoryTreeDocument } from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconFolders, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { CategoryFormModal, type CategoryEditing } from '../components/category-form-modal';
import { CategoryTree } from '../components/category-tree';
import { flattenTree, sortedRoots, type CategoryNode } from '../components/category-tree-data';

/** The category tree (admins): create, edit, move and delete categories and their attributes. */
export function CategoriesView() {
  const { data, error, refetch, fetchMore, loading } = useQuery(CategoryTreeDocument, {
    variables: { after: null },
  });
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);
  const [categoryDelete, deleteState] = useMutation(CategoryDeleteDocument, {
    refetchQueries: ({ data: result }) =>
      result?.categoryDelete.category ? ['CategoryTree', 'ProductCategoryOptions'] : [],
    awaitRefetchQueries: true,
  });

  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the categories"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={1} label="Loading the categories" />;

  const roots = sortedRoots(data.categories.edges.map((edge) => edge.node));
  const tree = flattenTree(roots);
  const { pageInfo } = data.categories;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      const { data: result } = await categoryDelete({ variables: { id: deleting.id } });
      const errors = result?.categoryDelete.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: `${deleting.name} was not deleted`,
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`${deleting.name} deleted.`);
    } catch (thrown) {
      toast.error({ title: `${deleting.name} was not deleted`, error: thrown });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Categories"
        description="The storefront’s category tree and the attributes each category’s products carry."
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ kind: 'create', parentId: null })}
          >
            New category
          </Button>
        }
      />
      {roots.length === 0 ? (
        <EmptyState mt="xl" withIndicatorBackground>
          <EmptyState.Indicator>
            <IconFolders size={28} />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>No categories yet</EmptyState.Title>
          <EmptyState.Description>
            Create the top-level categories shoppers browse first, then their subcategories.
          </EmptyState.Description>
        </EmptyState>
      ) : (
        <Card withBorder padding={0}>
          <CategoryTree
            roots={roots}
            actions={{
              onAddChild: (parent) => setEditing({ kind: 'create', parentId: parent.id }),
              onEdit: (category) =>
                setEditing({ kind: 'edit', slug: category.slug, name: category.name }),
              onDelete: setDeleting,
            }}
          />
        </Card>
      )}
      {pageInfo.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  categories: {
                    ...fetchMoreResult.categories,
                    edges: [...previous.categories.edges, ...fetchMoreResult.categories.edges],
                  },
                }),
              }).catch(() => undefined)
            }
          >
            Load more categories
          </Button>
        </Group>
      ) : null}
      <CategoryFormModal editing={editing} tree={tree} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'category'}?`}
        confirmLabel="Delete category"
        loading={deleteState.loading}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <Text size="sm">
          A category with subcategories or products cannot be deleted: move them first.
        </Text>
      </ConfirmDialog>
    </>
  );
}
