import { useMutation } from '@apollo/client/react';
import { Button, Card, EmptyState, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

import { CategoryDeleteDocument, CategoryTreeDocument } from '../../../generated/graphql';
import { buildCategoryTree, useAllCategories } from '../../../shared/categories/all-categories';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconFolders, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { CategoryFormModal, type CategoryEditing } from '../components/category-form-modal';
import { CategoryTree } from '../components/category-tree';
import { flattenTree, type CategoryNode } from '../components/category-tree-data';

/** The category tree (admins): create, edit, move and delete categories and their attributes. */
export function CategoriesView() {
  const { categories, error, retry } = useAllCategories(CategoryTreeDocument);
  const roots = useMemo(() => buildCategoryTree(categories ?? []), [categories]);
  const tree = useMemo(() => flattenTree(roots), [roots]);
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);
  const [categoryDelete, deleteState] = useMutation(CategoryDeleteDocument, {
    refetchQueries: ({ data: result }) =>
      result?.categoryDelete.category ? ['CategoryTree', 'ProductCategoryOptions'] : [],
    awaitRefetchQueries: true,
  });

  if (error && !categories) {
    return <ErrorState title="Could not load the categories" error={error} onRetry={retry} />;
  }
  if (!categories) return <CardGridSkeleton cards={1} label="Loading the categories" />;

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
