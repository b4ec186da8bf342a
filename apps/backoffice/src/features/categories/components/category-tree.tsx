import { ActionIcon, Badge, Box, Group, Image, Text, Tooltip } from '@mantine/core';

import { MAX_CATEGORY_DEPTH } from '../../../shared/categories/all-categories';
import { IconFolders, IconPencil, IconPlus, IconTrash } from '../../../shared/icons';
import { sortedChildren, type CategoryNode } from './category-tree-data';

export interface CategoryTreeActions {
  onAddChild: (parent: CategoryNode) => void;
  onEdit: (category: CategoryNode) => void;
  onDelete: (category: CategoryNode) => void;
}

/** The category tree as nested lists, children in position order. */
export function CategoryTree({
  roots,
  actions,
}: {
  roots: readonly CategoryNode[];
  actions: CategoryTreeActions;
}) {
  return (
    <Box component="ul" aria-label="Category tree" p={0} m={0} style={{ listStyle: 'none' }}>
      {roots.map((node) => (
        <CategoryItem key={node.id} node={node} depth={0} actions={actions} />
      ))}
    </Box>
  );
}

function CategoryItem({
  node,
  depth,
  actions,
}: {
  node: CategoryNode;
  depth: number;
  actions: CategoryTreeActions;
}) {
  const children = sortedChildren(node);
  // The API lists categories down to this depth; a deeper one would not show.
  const canNest = depth < MAX_CATEGORY_DEPTH;
  return (
    <Box component="li" aria-label={node.name}>
      <Group
        justify="space-between"
        wrap="nowrap"
        gap="xs"
        py={6}
        px="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="sm" wrap="nowrap" miw={0}>
          {node.imageUrl ? (
            <Image src={node.imageUrl} alt="" w={28} h={28} radius="sm" fit="cover" />
          ) : (
            <IconFolders size={20} />
          )}
          <Box miw={0}>
            <Text fw={500} size="sm" truncate>
              {node.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {node.slug} · position {node.position}
            </Text>
          </Box>
          <Badge variant="light" color="gray" size="sm" style={{ flex: 'none' }}>
            {node.productCount === 1 ? '1 product' : `${node.productCount} products`}
          </Badge>
        </Group>
        <Group gap={2} wrap="nowrap">
          {canNest ? (
            <Tooltip label="Add a subcategory">
              <ActionIcon
                variant="subtle"
                aria-label={`Add a subcategory to ${node.name}`}
                onClick={() => actions.onAddChild(node)}
              >
                <IconPlus size={16} />
              </ActionIcon>
            </Tooltip>
          ) : null}
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${node.name}`}
            onClick={() => actions.onEdit(node)}
          >
            <IconPencil size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${node.name}`}
            onClick={() => actions.onDelete(node)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      {children.length > 0 ? (
        <Box
          component="ul"
          aria-label={`Subcategories of ${node.name}`}
          p={0}
          m={0}
          pl={{ base: 'sm', sm: 'lg' }}
          style={{ listStyle: 'none' }}
        >
          {children.map((child) => (
            <CategoryItem key={child.id} node={child} depth={depth + 1} actions={actions} />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
