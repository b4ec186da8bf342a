import { useMutation, useQuery } from '@apollo/client/react';
import {
  Button,
  Divider,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  CategoryCreateDocument,
  CategoryDetailDocument,
  CategoryParentAttributesDocument,
  CategoryUpdateDocument,
  type CategoryForm_CategoryFragment,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { LOCALES } from '../../../shared/i18n/translations';
import { ErrorState } from '../../../shared/states/error-state';
import { AttributeDefinitionsEditor } from './attribute-definitions-editor';
import {
  slugify,
  toCategoryInput,
  toFormValues,
  validateCategory,
  type CategoryFormValues,
} from './category-form-values';
import { subtreeIds, type FlatCategory } from './category-tree-data';

/** What the modal does: create (under a parent or at the top) or edit the category with this slug. */
export type CategoryEditing =
  { kind: 'create'; parentId: string | null } | { kind: 'edit'; slug: string; name: string };

export function CategoryFormModal({
  editing,
  tree,
  onClose,
}: {
  editing: CategoryEditing | null;
  tree: readonly FlatCategory[];
  onClose: () => void;
}) {
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={
        editing?.kind === 'edit'
          ? `Edit ${editing.name}`
          : editing?.parentId
            ? `New subcategory of ${tree.find((c) => c.node.id === editing.parentId)?.node.name ?? 'category'}`
            : 'New category'
      }
      size="xl"
      centered
    >
      {editing?.kind === 'edit' ? (
        <EditCategory slug={editing.slug} tree={tree} onDone={onClose} />
      ) : editing ? (
        <CategoryForm category={null} parentId={editing.parentId} tree={tree} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function EditCategory({
  slug,
  tree,
  onDone,
}: {
  slug: string;
  tree: readonly FlatCategory[];
  onDone: () => void;
}) {
  const { data, error, refetch } = useQuery(CategoryDetailDocument, {
    variables: { slug },
    fetchPolicy: 'network-only',
  });
  if (error && !data)
    return (
      <ErrorState
        title="Could not load the category"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  if (!data) return <Loader size="sm" aria-label="Loading the category" />;
  if (!data.category)
    return (
      <ErrorState
        title="This category no longer exists"
        error={new Error('Someone may have deleted or renamed it.')}
      />
    );
  return <CategoryForm category={data.category} parentId={null} tree={tree} onDone={onDone} />;
}

export function CategoryForm({
  category,
  parentId,
  tree,
  onDone,
}: {
  category: CategoryForm_CategoryFragment | null;
  parentId: string | null;
  tree: readonly FlatCategory[];
  onDone: () => void;
}) {
  const creating = category === null;
  const form = useForm<CategoryFormValues>({
    initialValues: toFormValues(category, parentId),
    validate: validateCategory,
    onValuesChange: (values, previous) => {
      // While creating, the slug follows the English name until edited by hand.
      if (
        creating &&
        values.name.EN !== previous.name.EN &&
        values.slug === slugify(previous.name.EN)
      ) {
        form.setFieldValue('slug', slugify(values.name.EN));
      }
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  // The tree (and the product editor's picker) reload after a change, not after a refusal.
  const reload = ['CategoryTree', 'ProductCategoryOptions'];
  const [categoryCreate, createState] = useMutation(CategoryCreateDocument, {
    refetchQueries: ({ data }) => (data?.categoryCreate.category ? reload : []),
  });
  const [categoryUpdate, updateState] = useMutation(CategoryUpdateDocument, {
    refetchQueries: ({ data }) => (data?.categoryUpdate.category ? reload : []),
  });

  // Neither the category nor anything below it can be its parent.
  const excluded = category ? subtreeIds(tree, category.id) : new Set<string>();
  const parentOptions = [
    { value: '', label: '— Top level —' },
    ...tree
      .filter((entry) => !excluded.has(entry.node.id))
      .map((entry) => ({
        value: entry.node.id,
        label: `${'\u00a0\u00a0\u00a0'.repeat(entry.depth)}${entry.node.name}`,
      })),
  ];
  const chosenParent = tree.find((entry) => entry.node.id === form.values.parentId)?.node;
  const storedParent =
    category?.parent && category.parent.id === form.values.parentId ? category.parent : null;
  const { data: parentData } = useQuery(CategoryParentAttributesDocument, {
    variables: { slug: chosenParent?.slug ?? '' },
    skip: !chosenParent || storedParent !== null,
  });
  const inherited = storedParent
    ? storedParent.attributeDefinitions
    : chosenParent
      ? (parentData?.category?.attributeDefinitions ?? [])
      : [];

  const submit = form.onSubmit(async (values) => {
    clear();
    const { input, fieldMap } = toCategoryInput(values);
    try {
      const errors: readonly PayloadError[] | undefined = category
        ? (await categoryUpdate({ variables: { id: category.id, input } })).data?.categoryUpdate
            .errors
        : (await categoryCreate({ variables: { input } })).data?.categoryCreate.errors;
      if (!errors || apply(remapErrorFields(errors, fieldMap))) return;
      toast.success(category ? `${values.name.EN} saved.` : `${values.name.EN} created.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors
        errors={formErrors}
        title={creating ? 'The category was not created' : 'The category was not saved'}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {LOCALES.map(({ locale, label, lang }) => (
            <TextInput
              key={locale}
              lang={lang}
              label={`Name (${label})`}
              required={locale === 'EN'}
              {...form.getInputProps(`name.${locale}`)}
            />
          ))}
          <TextInput
            label="Slug"
            required
            description="Its address on the storefront: /c/<slug>"
            {...form.getInputProps('slug')}
          />
          <TextInput
            label="Image URL"
            type="url"
            placeholder="https://…"
            {...form.getInputProps('imageUrl')}
          />
          <NativeSelect label="Parent" data={parentOptions} {...form.getInputProps('parentId')} />
          <TextInput
            label="Position"
            inputMode="numeric"
            description="Order among its siblings, 0 first; empty puts a new one last"
            {...form.getInputProps('position')}
          />
        </SimpleGrid>
        {LOCALES.map(({ locale, label, lang }) => (
          <Textarea
            key={locale}
            lang={lang}
            label={`Description (${label})`}
            rows={3}
            resize="vertical"
            {...form.getInputProps(`description.${locale}`)}
          />
        ))}
        <Divider />
        <Title order={3} size="h5">
          Attributes
        </Title>
        <AttributeDefinitionsEditor form={form} inherited={inherited} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createState.loading || updateState.loading}>
            {creating ? 'Create category' : 'Save category'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
